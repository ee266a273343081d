/**
 * The flag that turns on Node's permission model in a given Node: `--permission` since it became
 * stable (23.5, and 22.13 on the 22 line), `--experimental-permission` before. Node 24 refuses the
 * old name and Node 20 does not know the new one, so the host's command depends on the Node running.
 */
export function permissionFlag(version: string = process.versions.node): '--permission' | '--experimental-permission' {
  const [major = 0, minor = 0] = version.split('.').map(Number);
  const stable = major > 23 || (major === 23 && minor >= 5) || (major === 22 && minor >= 13);
  return stable ? '--permission' : '--experimental-permission';
}
