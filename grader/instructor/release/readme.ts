/**
 * The README of a learner's copy: the learner's guide (`docs/learner-guide.md`), which the copy
 * carries in place of the kit's README, opened by the course as this copy has it (its exercises,
 * their public checks by title, their points, all counted from the checks themselves) and the
 * word that hidden checks are graded by the instructor. Nothing of the instructor's documents goes
 * in: the guide is written for learners, and only its introduction, which points instructors to
 * their documents, is left out.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { publicChecksOf } from '../../engine/course/course.js';
import type { GradedExercise } from '../../engine/grading/grade.js';
import { kitRoot } from '../../engine/paths.js';
import { pointsOf } from '../../engine/results.js';

/** The learner's guide, by path from the kit's root: the copy's README is made of it. */
export const learnerGuideFile = 'docs/learner-guide.md';

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

/**
 * `text` without the lines and asides that run scripts the copy does not have, and in the words
 * of the copy, which calls the known mistakes common ones. Sample outputs are made again by the
 * copy itself (`samples.ts`).
 */
function forCopy(text: string, scripts: Record<string, string>): string {
  let inFence = false;
  const lines: string[] = [];
  for (const line of text.split('\n')) {
    if (line.startsWith('```')) inFence = !inFence;
    const script = inFence ? scriptRun(line) : null;
    if (script !== null && !(script in scripts)) continue;
    lines.push(inFence ? line : withoutMissingScripts(line, scripts).replace(/\b([Kk])nown mistake/g, (_, k: string) => (k === 'K' ? 'Common mistake' : 'common mistake')));
  }
  return lines.join('\n');
}

/**
 * The guide from its first section on (its introduction points instructors elsewhere), with its
 * links to files made from the copy's root, where its README is: `kit-page.png` beside the guide
 * is `docs/kit-page.png` there.
 */
function guideBody(guide: string): string {
  const first = /^## /m.exec(guide);
  if (first === null) throw new Error(`${learnerGuideFile} has no section (## …): the learner's copy's README is made of its sections`);
  const folder = path.posix.dirname(learnerGuideFile);
  return guide.slice(first.index).replace(/\]\(([^)#\s][^)\s]*)\)/g, (link, target: string) =>
    /^[a-z][\w+.-]*:/i.test(target) ? link : `](${path.posix.normalize(path.posix.join(folder, target))})`,
  );
}

/** The first paragraph of the kit's README after its title: what the kit is. */
function whatTheKitIs(kitReadme: string): string {
  const paragraph = kitReadme.split(/\n{2,}/).find((block) => block.trim() !== '' && !block.startsWith('#'));
  if (paragraph === undefined) throw new Error("README.md says nothing under its title: the learner's copy opens with its first paragraph, what the kit is");
  return paragraph.trim();
}

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/**
 * The README of a learner's copy of `course`, whose package.json has `scripts`: the kit's
 * README's first paragraph, the course as the copy has it, then the learner's guide.
 */
export function learnerReadme(
  kitReadme: string,
  course: readonly GradedExercise[],
  scripts: Record<string, string>,
  guide: string = readFileSync(path.join(kitRoot, learnerGuideFile), 'utf8'),
): string {
  const allPublic = course.flatMap(publicChecksOf);
  const points = pointsOf(allPublic);
  const out: string[] = [
    '# session-kit: your exercises',
    '',
    whatTheKitIs(kitReadme),
    '',
    '## Your exercises',
    '',
    'Each one is a folder, `exercises/<slug>/`: read its lesson, `README.md`, then fill in `view.ts`',
    '(see [the loop](#the-loop)). Checks talk to your app as browsers do, with real cookies, and look',
    `at what the session store holds. This copy has the **public** checks: ${plural(allPublic.length, 'check')}, worth ${plural(points, 'point')} in all.`,
    '',
    '| # | exercise | level | title | public checks | points |',
    '| --- | --- | --- | --- | --- | --- |',
  ];
  course.forEach((exercise, index) => {
    const checks = publicChecksOf(exercise);
    out.push(`| ${index + 1} | \`${exercise.info.slug}\` | ${exercise.info.level} | ${exercise.info.title} | ${checks.length} | ${pointsOf(checks)} |`);
  });
  out.push(
    '',
    `In all: ${plural(course.length, 'exercise')}, ${plural(allPublic.length, 'public check')}, ${plural(points, 'point')}.`,
    '',
    'Your instructor also grades **hidden** checks, which are not in this copy: they prove that you',
    'understood the idea, not that you matched a test, so write what the lesson asks rather than',
    'what makes the public checks pass. The report says so for each exercise. How to hand your work',
    'in: [Handing in](#handing-in).',
    '',
    '### The public checks',
    '',
  );
  for (const exercise of course) {
    out.push(`**${exercise.info.title}** (\`${exercise.info.slug}\`)`, '');
    for (const check of publicChecksOf(exercise)) out.push(`- ${check.level}, ${plural(check.points, 'point')}: ${check.title}`);
    out.push('');
  }
  out.push(guideBody(guide));
  return `${forCopy(out.join('\n'), scripts).replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}
