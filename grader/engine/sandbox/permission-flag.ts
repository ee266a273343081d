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

/**
 * The flags beside the permission model's own that a host needs to serve the checks. From Node 25
 * on, the model also refuses the network unless `--allow-net` is given, and a host answers HTTP on
 * the socket the grader opened for it, so it must have it. That leaves the network where it was on
 * every Node before 25, whose model never restricted it: closed by the operating system's seal
 * (bubblewrap's empty network namespace, or the uid level's own), not by Node.
 */
export function networkFlags(version: string = process.versions.node): string[] {
  const [major = 0] = version.split('.').map(Number);
  return major >= 25 ? ['--allow-net'] : [];
}
