/**
 * Text that came from a learner, with nothing hidden and nothing a reader acts on. Every character
 * a reader cannot see, or that turns, hides or redraws the text around it, is shown as an escape
 * (`\n`, `\x1b`, `\x9b`, `\u202e`, `\u200b`): C0 and C1 controls and DEL, line and paragraph
 * separators, bidirectional overrides, embeddings, isolates and marks, zero-width characters, the
 * soft hyphen, the byte order mark, variation selectors and tags (every default-ignorable code
 * point), spaces that look like a space but are not one, lone surrogates, and a combining mark a
 * composed character would show the same. So two ids that differ only by such a character look
 * different wherever they are shown.
 *
 * `printable` is for ids, folder names and paths (one line, backslashes doubled, so that an escape
 * shown is never the learner's own text); `visible` for free text: answers, messages and what the
 * app printed, shown as written but for the characters above.
 */

const named: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** Characters that are not shown as themselves: see above. */
const unseen = /[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}\p{Default_Ignorable_Code_Point}\u00a0\u1680\u2000-\u200a\u202f\u205f\u2800\u3000]/gu;

/** A letter with its combining marks. */
const cluster = /\P{M}?\p{M}+/gu;

function escapeOne(char: string): string {
  const name = named[char];
  if (name) return name;
  const code = char.codePointAt(0) ?? 0;
  if (code <= 0xff) return `\\x${code.toString(16).padStart(2, '0')}`;
  return code <= 0xffff ? `\\u${code.toString(16).padStart(4, '0')}` : `\\u{${code.toString(16)}}`;
}

/** Combining marks shown as escapes where the composed form would look the same (`e` + U+0301 beside `é`). */
function showDecomposed(text: string): string {
  return text.replace(cluster, (letters) => (letters.normalize('NFC') === letters ? letters : letters.replace(/\p{M}/gu, escapeOne)));
}

/** Free learner text with every unseen character shown; line breaks (and tabs) kept when `lines` is true. */
export function visible(text: string, { lines = false }: { lines?: boolean } = {}): string {
  const shown = text.replace(unseen, (char) => (lines && (char === '\n' || char === '\t') ? char : escapeOne(char)));
  return showDecomposed(shown);
}

/**
 * Learner text (an id, a folder name) on one line, with nothing hidden and nothing a terminal or a
 * log would act on: unseen characters as escapes, backslashes doubled. A text that starts with
 * `::` (GitHub Actions reads it after leading spaces) has its first colon escaped too, in case it
 * ever starts a line, and `##[` (a command anywhere in a line) is broken.
 */
export function printable(text: string): string {
  return visible(text.replace(/\\/g, '\\\\'))
    .replace(/##\[/g, '#\\x23[')
    .replace(/^(\s*)::/, '$1\\x3a:');
}
