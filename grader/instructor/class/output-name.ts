/**
 * The file name a learner's outputs go under (results/<name>.json, feedback/<name>.md, …). A
 * learner id is a folder name, and a folder name can be anything: 240 characters, a newline, an
 * escape sequence, `..`, `CON`. The name keeps what is safe everywhere ([A-Za-z0-9._-]) and, as
 * soon as anything had to change, ends in `~` and a hash of the whole id. `~` is never kept from
 * an id, so a name that was left as it was can never be forged to equal one that was changed.
 */
import { createHash } from 'node:crypto';

/** Names stay well within every file system's limit (255 bytes), with room for `.json` and temporary suffixes. */
const longest = 64;
/** 64 bits: no learner can pick an id whose hash meets another's. */
const hashLength = 16;

/** Names Windows keeps for devices, whatever follows the first dot. */
const windowsDevices = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/i;

function hashOf(id: string): string {
  return createHash('sha256').update(id, 'utf8').digest('hex').slice(0, hashLength);
}

/**
 * The output name of a learner id: the same on every machine and in every run (so --resume and
 * merge find it again), and different for different ids, even on a file system that ignores case
 * (an id with a capital letter gets the hash).
 */
export function outputName(id: string): string {
  const kept = id.replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^[.-]/, '_');
  const unchanged =
    kept === id && kept.length <= longest && !/[A-Z]/.test(kept) && !windowsDevices.test(kept.split('.')[0] ?? '');
  if (unchanged && kept !== '') return kept;
  return `${kept.slice(0, longest - hashLength - 1)}~${hashOf(id)}`;
}

/** The names a run's learners collide on, compared as a file system that ignores case would. */
export function collidingNames(ids: readonly string[]): Set<string> {
  const seen = new Map<string, number>();
  for (const id of ids) {
    const folded = outputName(id).toLowerCase();
    seen.set(folded, (seen.get(folded) ?? 0) + 1);
  }
  return new Set([...seen].filter(([, count]) => count > 1).map(([name]) => name));
}
