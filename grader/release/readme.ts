/**
 * The README of a learner's copy: the kit's own, so that everything a learner reads there stays
 * current with the kit, with a note on top saying whose copy it is, without the sections written
 * for instructors, and without commands that the copy does not have.
 */

/** The README's `## ` sections that are the instructor's, left out of a learner's copy. */
export const instructorSections = ['For instructors', 'Speed: `npm run bench`', 'Choices, with figures'];

/** The note a learner's copy opens with. */
export const learnerNote = [
  "> **This is the learner's copy of the kit.** It has the lessons, the stubs you fill in and the",
  '> public checks. The hidden checks are graded by your instructor: `npm run grade` grades the',
  '> public ones, and its report says so for each exercise.',
].join('\n');

/** The npm script a line of shell runs (`npm test`, `npm run <name>`), or null. */
function scriptRun(line: string): string | null {
  const match = /\bnpm (?:run ([\w:-]+)|(test)\b)/.exec(line);
  return match ? (match[1] ?? match[2] ?? null) : null;
}

/** A prose line without its asides naming a script the copy lacks: "full marks (`npm run check`)". */
function withoutMissingScripts(line: string, scripts: Record<string, string>): string {
  return line.replace(/\s*\(`npm (?:run ([\w:-]+)|(test))\b[^`]*`\)/g, (aside, run?: string, test?: string) =>
    (run ?? test ?? '') in scripts ? aside : '',
  );
}

/** `kitReadme` as a learner's copy needs it, for a copy whose package.json has `scripts`. */
export function learnerReadme(kitReadme: string, scripts: Record<string, string>): string {
  const lines: string[] = [];
  let inFence = false;
  let dropping = false;
  let noted = false;
  for (const line of kitReadme.split('\n')) {
    if (line.startsWith('```')) inFence = !inFence;
    else if (!inFence && line.startsWith('## ')) dropping = instructorSections.includes(line.slice(3).trim());
    if (dropping) continue;
    const script = inFence ? scriptRun(line) : null;
    if (script !== null && !(script in scripts)) continue;
    lines.push(inFence ? line : withoutMissingScripts(line, scripts));
    if (!noted && line.startsWith('# ')) {
      lines.push('', learnerNote);
      noted = true;
    }
  }
  const text = lines.join('\n').replace(/\n{3,}/g, '\n\n');
  return noted ? text : `${learnerNote}\n\n${text}`;
}
