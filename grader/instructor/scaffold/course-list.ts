/**
 * The course's list (`exercises/course.json`) as the scaffold changes it: one slug appended, the
 * rest of the text kept as the author formatted it, so that the change reads as one line in a diff.
 */

import { CourseError, slugsOfCourseList } from '../../engine/course/manifest.js';

/**
 * `text` with `slug` after the last slug of its `exercises` list, on a line of its own indented as
 * the others are (two more than the list's line when it is empty). The result is read back and
 * must list exactly the old slugs and then `slug`; otherwise the list is refused, unchanged.
 */
export function withSlugAppended(text: string, slug: string, file: string): string {
  const before = slugsOfCourseList(text, file);
  const opening = /("exercises"\s*:\s*)\[/.exec(text);
  // Slugs hold no bracket, so the list ends at the first "]" after it opens.
  const closing = opening === null ? -1 : text.indexOf(']', opening.index + opening[0].length);
  if (opening === null || closing === -1) throw new CourseError(`${file}: its "exercises" list could not be found: write { "exercises": [ ... ] }`);
  const open = opening.index + opening[0].length;
  const inside = text.slice(open, closing);
  const lineStart = text.lastIndexOf('\n', opening.index) + 1;
  const listIndent = /^[ \t]*/.exec(text.slice(lineStart))?.[0] ?? '';
  const last = /"[^"]*"(?=\s*$)/.exec(inside);
  let after: string;
  if (last === null) {
    after = `${text.slice(0, open)}\n${listIndent}  ${JSON.stringify(slug)}\n${listIndent}${text.slice(closing)}`;
  } else {
    const end = open + last.index + last[0].length;
    const itemLine = text.slice(text.lastIndexOf('\n', open + last.index) + 1);
    const itemIndent = /^[ \t]*/.exec(itemLine)?.[0] ?? `${listIndent}  `;
    after = `${text.slice(0, end)},\n${itemIndent}${JSON.stringify(slug)}${text.slice(end)}`;
  }
  const read = slugsOfCourseList(after, file);
  if (read.length !== before.length + 1 || read.at(-1) !== slug || before.some((old, index) => read[index] !== old)) {
    throw new CourseError(`${file}: ${slug} could not be appended to its "exercises" list cleanly: add the line "${slug}" at its end by hand`);
  }
  return after;
}
