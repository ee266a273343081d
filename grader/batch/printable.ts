/**
 * Text that came from a learner (a folder name above all) as it may appear in a terminal or a CI
 * log. Raw, a newline in an id forges a progress line, an escape sequence redraws the screen, and a
 * line that starts with `::` (or holds `##[`) is a command to GitHub Actions. Here each control
 * character is shown as an escape (`\n`, `\x1b`), as are the invisible characters that reorder or
 * break lines, and backslashes are doubled so that an escape shown is never the learner's own text.
 */

const named: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t', '\\': '\\\\' };

// Matching control characters is the point here: C0, DEL, C1, line and paragraph separators,
// and the marks that turn text right-to-left.
// eslint-disable-next-line no-control-regex
const unsafe = /[\x00-\x1f\x7f-\x9f\\\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/g;

function escapeOne(char: string): string {
  const name = named[char];
  if (name) return name;
  const code = char.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/**
 * Learner text on one line, with nothing a terminal or a log would act on. A text that starts with
 * `::` (GitHub Actions reads it after leading spaces) has its first colon escaped too, in case it
 * ever starts a line.
 */
export function printable(text: string): string {
  return text
    .replace(unsafe, escapeOne)
    .replace(/##\[/g, '#\\x23[')
    .replace(/^(\s*)::/, '$1\\x3a:');
}
