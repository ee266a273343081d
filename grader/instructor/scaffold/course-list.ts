/**
 * The course's list (`exercises/course.json`) as the scaffold changes it: one slug appended, the
 * rest of the text kept as the author formatted it, so that the change reads as one line in a diff.
 */

/** A course list the scaffold cannot append to: the message names the file and what to fix. */
export class CourseListError extends Error {}

/** The slugs `text` lists, refused in one line when it is not `{ "exercises": [ "<slug>", ... ] }`. */
export function slugsOfList(text: string, file: string): string[] {
  let list: unknown;
  try {
    list = JSON.parse(text);
  } catch (error) {
    throw new CourseListError(`${file} is not valid JSON (${(error as Error).message}): fix it, then run again`);
  }
  const slugs = typeof list === 'object' && list !== null && !Array.isArray(list) ? (list as Record<string, unknown>).exercises : undefined;
  if (!Array.isArray(slugs) || !slugs.every((slug) => typeof slug === 'string')) {
    throw new CourseListError(`${file} needs { "exercises": [ "<slug>", ... ] }, the slugs in the learner's order: fix it, then run again`);
  }
  return slugs;
}

/**
 * `text` with `slug` after the last slug of its `exercises` list, on a line of its own indented as
 * the others are (two more than the list's line when it is empty). The result is read back and
 * must list exactly the old slugs and then `slug`; otherwise the list is refused, unchanged.
 */
export function withSlugAppended(text: string, slug: string, file: string): string {
  const before = slugsOfList(text, file);
  const opening = /("exercises"\s*:\s*)\[/.exec(text);
  // Slugs hold no bracket, so the list ends at the first "]" after it opens.
  const closing = opening === null ? -1 : text.indexOf(']', opening.index + opening[0].length);
  if (opening === null || closing === -1) throw new CourseListError(`${file}: its "exercises" list could not be found: write { "exercises": [ ... ] }`);
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
  const read = slugsOfList(after, file);
  if (read.length !== before.length + 1 || read.at(-1) !== slug || before.some((old, index) => read[index] !== old)) {
    throw new CourseListError(`${file}: ${slug} could not be appended to its "exercises" list cleanly: add the line "${slug}" at its end by hand`);
  }
  return after;
}
