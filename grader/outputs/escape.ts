/**
 * Text in its place: learner text (ids, folder names, paths, answers, what the app printed, the
 * messages that quote them) as each output format must hold it, so that it stays the text it is
 * and never becomes markup, a formula, a command or a hidden character. One function per place:
 *
 * - `terminalText`: a terminal line (the report, watch, Gradescope's text): one line, no escape
 *   sequence, no control character, nothing unseen (`visible`).
 * - `markdownText`: Markdown prose: one line, every character Markdown or HTML would read escaped.
 * - `markdownCode`: a Markdown code span, whose backtick fence is longer than any run of backticks
 *   inside, so nothing inside can close it.
 * - `htmlText`: HTML element content and quoted attribute values.
 * - `xmlText`, `xmlAttribute`: XML 1.0 element content and attribute values, without the
 *   characters XML 1.0 cannot hold.
 * - `csvCell`: a CSV field that no spreadsheet runs as a formula, whichever of `,`, `;` or tab it
 *   splits cells on.
 *
 * Each shows the characters a reader could not see as escapes first (`printable.ts`); an id or a
 * folder name goes through `printable` before it is placed, so that its backslashes are doubled.
 */
import { visible } from './printable.js';

/** Learner text on one terminal line: controls, escape sequences and unseen characters shown as escapes. */
export function terminalText(text: string): string {
  return visible(text).replace(/##\[/g, '#\\x23[');
}

/** Characters CommonMark, GitHub's Markdown or HTML inside Markdown can give a meaning to, anywhere in a line. */
const markdownSpecial = /[\\`*_[\]<>&|~$#]/g;

/**
 * Learner text as Markdown prose on one line: what would start emphasis, a link, a code span, HTML,
 * an entity, a table cell, strikethrough, math or a heading's end is escaped with a backslash, and
 * so is a first character that would start a block (a list, a quote, a heading, a rule).
 */
export function markdownText(text: string): string {
  return terminalText(text)
    .replace(markdownSpecial, '\\$&')
    .replace(/^([ ]*)([-+=>])/, '$1\\$2')
    .replace(/^([ ]*\d+)([.)])/, '$1\\$2');
}

/**
 * Learner text as a Markdown code span, on one line: fenced by more backticks than any run inside,
 * and padded with a space on each side (which CommonMark takes off again) when it starts or ends
 * with a backtick or a space, so that it starts and ends as written.
 */
export function markdownCode(text: string): string {
  const shown = terminalText(text);
  // A span of spaces only keeps its spaces, which would not be seen: they are shown as escapes.
  if (/^ *$/.test(shown)) return shown === '' ? '(nothing)' : `\`${shown.replace(/ /g, '\\x20')}\``;
  const longest = Math.max(0, ...(shown.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = /^[` ]|[` ]$/.test(shown) ? ' ' : '';
  return `${fence}${pad}${shown}${pad}${fence}`;
}

/** A fenced block's fence for `text`: longer than any run of backticks in it, so nothing inside can close it. */
export function markdownFence(text: string): string {
  const longest = Math.max(2, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  return '`'.repeat(longest + 1);
}

function escapeMarkup(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** Learner text as HTML element content or a quoted attribute value; line breaks kept (for a `<pre>`). */
export function htmlText(text: string): string {
  return escapeMarkup(visible(text, { lines: true }));
}

/** Characters XML 1.0 cannot hold at all (once the unseen ones are shown, only U+FFFE and U+FFFF are left); they are dropped. */
// Matching control characters is the point here.
// eslint-disable-next-line no-control-regex
const notXml = /[^\x09\x0a\x0d\x20-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu;

/** Learner text as XML element content; line breaks kept readable. */
export function xmlText(text: string): string {
  return escapeMarkup(visible(text, { lines: true }).replace(notXml, ''));
}

/** Learner text as an XML attribute value: line breaks and tabs as character references, so a parser keeps them. */
export function xmlAttribute(text: string): string {
  return xmlText(text).replace(/\n/g, '&#10;').replace(/\t/g, '&#9;');
}

/**
 * Characters a spreadsheet reads as the start of a formula at the start of a cell (OWASP's list:
 * `=`, `+`, `-`, `@`, tab, carriage return), after any spaces, wherever a cell can start: at the
 * start of the field, or after a `,`, a `;` or a tab, on which a spreadsheet may split the text
 * into cells of its own (a locale whose separator is `;` reads `x;=1+2` as `x` and `=1+2`).
 */
const formulaStart = /(^|[,;\t\r\n])([ ]*)(?=[=+\-@\t\r])/g;

/**
 * A CSV field (RFC 4180): a text that could start a formula, in the field or after any separator a
 * spreadsheet may split it on, gets a `'` there, and a field holding a separator, a quote or a line
 * break is quoted with its quotes doubled. Numbers are written as they are.
 */
export function csvCell(value: string | number): string {
  if (typeof value === 'number') return String(value);
  const text = visible(value, { lines: true }).replace(formulaStart, "$1$2'");
  return /[",;\t\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
