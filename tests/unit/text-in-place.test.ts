/**
 * Learner text in its place, in every output of a class run, without running one: ids, wrapper
 * folders, answers and printed text that try to break out of a Markdown code span, an HTML or XML
 * element, a CSV cell or a terminal line, and ids that look alike but for an invisible character.
 */
import { describe, expect, it } from 'vitest';
import { renderClassReport } from '../../grader/instructor/class/class-report.js';
import { csvCell, htmlText, markdownCode, markdownFence, markdownText, terminalText, xmlAttribute, xmlText } from '../../grader/outputs/escape.js';
import { renderFeedback } from '../../grader/instructor/class/feedback.js';
import { renderGradebook, type ClassEntry } from '../../grader/instructor/class/gradebook.js';
import { toGradescope } from '../../grader/instructor/class/gradescope.js';
import { toJUnit } from '../../grader/instructor/class/junit.js';
import { printable, visible } from '../../grader/outputs/printable.js';
import { renderExercise, styleFor } from '../../grader/outputs/report.js';
import type { CheckResult, ExerciseResult, GradeResult } from '../../grader/engine/results.js';

const plain = styleFor(process.stdout, { NO_COLOR: '1' });

/** Every character a reader could not see, or that turns, hides or redraws text. */
// eslint-disable-next-line no-control-regex
const unseen = /[\x00-\x09\x0b-\x1f\x7f-\x9f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/u;

/** An answer that carries a C1 CSI, a right-to-left override, a zero-width space and a carriage return. */
const hostileAnswer = '"ok\x9b2J\u202eevil\u200bx\rforged"';

function check(overrides: Partial<CheckResult> = {}): CheckResult {
  return {
    id: 'visit-counter/counts',
    title: 'counts the visits',
    level: 'easy',
    visibility: 'public',
    points: 2,
    passed: false,
    message: `GET / answered 200 ${hostileAnswer}, expected "1"`,
    hint: 'keep the count in the session',
    details: { requests: ['GET / </code><script>alert(1)</script>'], expected: '"1"', actual: `200 ${hostileAnswer}` },
    durationMs: 5,
    ...overrides,
  };
}

function exercise(overrides: Partial<ExerciseResult> = {}): ExerciseResult {
  return {
    slug: 'visit-counter',
    title: 'Visit counter',
    status: 'failed',
    score: 1,
    maxScore: 3,
    message: null,
    location: null,
    fix: null,
    hiddenChecksIncluded: true,
    output: 'listening\n\x9b2J\u202eredrawn\u200b\n```\n# Total: 99/1',
    warnings: [{ file: 'visit-counter/view.ts', line: 3, column: 1, message: 'TS2322: Type \'"\u202eabc"\' is not assignable' }],
    mistakes: [],
    checks: [check(), check({ id: 'visit-counter/first', title: 'starts at one', points: 1, passed: true, message: null, details: null })],
    durationMs: 10,
    ...overrides,
  };
}

function result(overrides: Partial<GradeResult> = {}): GradeResult {
  return { schemaVersion: 1, target: '.', score: 1, maxScore: 3, exercises: [exercise()], durationMs: 20, isolation: 'bwrap', ...overrides };
}

const wrapper = 'w` <img src=x onerror=alert(1)> **Total: 99/1** `';

describe('unseen characters', () => {
  it('are shown as escapes, so that look-alikes differ', () => {
    const lookAlikes = ['ada', 'ada\u200b', 'ad\u200ca', 'a\u200dda', 'ada\u2060', 'ada\ufeff', 'ada\u00ad', 'ada\u00a0', 'ada\u202e', 'ada\u2066', 'ada\u200e', 'ada\u061c', 'ada\u{e0041}', 'ada\ufe0f'];
    const shown = lookAlikes.map((id) => printable(id));
    expect(new Set(shown).size).toBe(lookAlikes.length);
    for (const text of shown) expect(text).not.toMatch(unseen);
    expect(shown.slice(1, 4)).toEqual(['ada\\u200b', 'ad\\u200ca', 'a\\u200dda']);
    expect(printable('ada\u{e0041}')).toBe('ada\\u{e0041}');
    expect(printable('c1 \x85 \x9b')).toBe('c1 \\x85 \\x9b');
  });

  it('show a combining mark where a composed letter would look the same', () => {
    expect(printable('caf\u00e9')).toBe('caf\u00e9');
    expect(printable('cafe\u0301')).toBe('cafe\\u0301');
    expect(visible('\u0915\u093f')).toBe('\u0915\u093f');
  });

  it('keep line breaks and tabs in free text when asked, and nothing else', () => {
    expect(visible('a\nb\tc\rd\x1b[2J', { lines: true })).toBe('a\nb\tc\\rd\\x1b[2J');
    expect(visible('a\nb')).toBe('a\\nb');
    expect(visible('back\\slash')).toBe('back\\slash');
  });
});

describe('terminalText', () => {
  it('leaves one line with no control, escape sequence or unseen character', () => {
    expect(terminalText('ok\x9b2J\x1b[31mred\r\nforged\u202e\u200b')).toBe('ok\\x9b2J\\x1b[31mred\\r\\nforged\\u202e\\u200b');
    expect(terminalText('a ##[error]b')).toBe('a #\\x23[error]b');
    expect(terminalText('plain "text", café')).toBe('plain "text", café');
  });
});

describe('markdownText', () => {
  it('escapes what Markdown or HTML would read, on one line', () => {
    expect(markdownText('**bold** _it_ `code` [l](u) <b>x</b> &amp; a|b ~~s~~ $x$ #')).toBe(
      '\\*\\*bold\\*\\* \\_it\\_ \\`code\\` \\[l\\](u) \\<b\\>x\\</b\\> \\&amp; a\\|b \\~\\~s\\~\\~ \\$x\\$ \\#',
    );
    expect(markdownText('line\n# Total: 99/1')).toBe('line\\\\n\\# Total: 99/1');
    expect(markdownText('- item')).toBe('\\- item');
    expect(markdownText('1. item')).toBe('1\\. item');
    expect(markdownText('> quote')).toBe('\\> quote');
    expect(markdownText('x\u202ey')).toBe('x\\\\u202ey');
  });
});

describe('markdownCode', () => {
  /** The text a CommonMark code span shows: between its fences, one space taken off each side when both are spaces. */
  function spanContent(span: string): string {
    const fence = /^`+/.exec(span)?.[0] ?? '';
    expect(span.endsWith(fence)).toBe(true);
    const inner = span.slice(fence.length, span.length - fence.length);
    // No run of backticks inside as long as the fence: nothing closes the span early.
    expect((inner.match(/`+/g) ?? []).every((run) => run.length !== fence.length)).toBe(true);
    return inner.startsWith(' ') && inner.endsWith(' ') && inner.trim() !== '' ? inner.slice(1, -1) : inner;
  }

  it('cannot be broken out of, and shows its text as written', () => {
    for (const text of ['plain', 'a`b', '``x```y`', '`start', 'end`', ' spaced ', wrapper, '</code><script>alert(1)</script>']) {
      expect([text, spanContent(markdownCode(text))]).toEqual([text, text]);
    }
    expect(markdownCode('a`b')).toBe('``a`b``');
    expect(markdownCode('`x`')).toBe('`` `x` ``');
  });

  it('stays on one line and shows unseen characters', () => {
    expect(markdownCode('a\n# Total: 99/1\r\u202e')).toBe('`a\\n# Total: 99/1\\r\\u202e`');
    expect(markdownCode('  ')).toBe('`\\x20\\x20`');
  });

  it('fences a block longer than any run inside', () => {
    expect(markdownFence('a ``` b ````` c')).toBe('``````');
    expect(markdownFence('none')).toBe('```');
  });
});

describe('htmlText', () => {
  it('escapes markup in content and attributes and shows unseen characters', () => {
    expect(htmlText(`</code><script>alert("x")</script> & 'q'`)).toBe('&lt;/code&gt;&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;q&#39;');
    expect(htmlText('ada\u200b\x9b\u202e\nnext')).toBe('ada\\u200b\\x9b\\u202e\nnext');
  });
});

describe('xmlText and xmlAttribute', () => {
  it('escape markup, show unseen characters and drop what XML 1.0 cannot hold', () => {
    expect(xmlText(`<a b="c">&'</a>`)).toBe('&lt;a b=&quot;c&quot;&gt;&amp;&#39;&lt;/a&gt;');
    expect(xmlText('nul\x00 esc\x1b c1\x9b rtl\u202e zw\u200b\ufffe\uffff\ud800 end\nline')).toBe('nul\\x00 esc\\x1b c1\\x9b rtl\\u202e zw\\u200b\\ud800 end\nline');
    expect(xmlAttribute('two\nlines\tand\rcr')).toBe('two&#10;lines&#9;and\\rcr');
  });
});

describe('csvCell', () => {
  it('quotes a field with a separator of any locale, a quote or a line break', () => {
    expect(csvCell('ana')).toBe('ana');
    expect(csvCell(12)).toBe('12');
    expect(csvCell(-2)).toBe('-2');
    expect(csvCell('smith, ana')).toBe('"smith, ana"');
    expect(csvCell('smith; ana')).toBe('"smith; ana"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
  });

  it('defuses a formula wherever a spreadsheet could split a cell', () => {
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csvCell('x;=1+2')).toBe(`"x;'=1+2"`);
    expect(csvCell('x,+1')).toBe(`"x,'+1"`);
    expect(csvCell('x\t@SUM(A1)')).toBe(`"x\t'@SUM(A1)"`);
    expect(csvCell('x; -1')).toBe(`"x; '-1"`);
    expect(csvCell('  =1')).toBe("  '=1");
    expect(csvCell('a\n=1')).toBe(`"a\n'=1"`);
    expect(csvCell('\r=1')).toBe('\\r=1');
    expect(csvCell('not-started')).toBe('not-started');
  });

  it('shows unseen characters', () => {
    expect(csvCell('ada\u200b')).toBe('ada\\u200b');
    expect(csvCell('\u202e=1')).toBe('\\u202e=1');
  });
});

describe('the terminal report', () => {
  it('shows answers, printed text, messages and type errors with nothing a terminal acts on or hides', () => {
    const fix = 'correct line 1 of x.ts at column 1, or just before it: `"\u202e\x9b\r`';
    const text = renderExercise(exercise({ status: 'compile-error', message: 'view.ts does not compile: "\u202e\x9b"', location: { file: 'x\u200b.ts', line: 1, column: 1 }, fix }), plain);
    expect(text).not.toMatch(unseen);
    // The fix quotes the learner's line: shown as the other learner text is.
    expect(text).toContain('    fix: correct line 1 of x.ts at column 1, or just before it: `"\\u202e\\x9b\\r`');
    const failed = renderExercise(exercise(), plain);
    expect(failed).not.toMatch(unseen);
    expect(failed).toContain('actual:   200 "ok\\x9b2J\\u202eevil\\u200bx\\rforged"');
    expect(failed).toContain('  │ \\x9b2J\\u202eredrawn\\u200b');
  });
});

describe('the feedback', () => {
  it('keeps the learner id in its heading as text, its invisible characters shown', () => {
    const honest = renderFeedback('ada', result(), null).split('\n')[0];
    const lookAlike = renderFeedback('ada\u200b', result(), null).split('\n')[0];
    expect(honest).toBe('# Feedback for ada');
    expect(lookAlike).toBe('# Feedback for ada\\\\u200b');
    expect(renderFeedback('a`b <b>x</b> *1* [l](x) #', result(), null).split('\n')[0]).toBe('# Feedback for a\\`b \\<b\\>x\\</b\\> \\*1\\* \\[l\\](x) \\#');
    expect(renderFeedback('rtl\u202eevil', result(), null)).not.toMatch(unseen);
  });

  it('keeps a wrapper folder with backticks and HTML inside its code span', () => {
    const feedback = renderFeedback('ada', result({ target: wrapper }), null);
    expect(feedback).toContain('Your exercises were found in ``w` <img src=x onerror=alert(1)> **Total: 99/1** `/`` inside the folder you handed in.');
  });

  it('keeps answers and printed text inside the fenced block, visibly', () => {
    const feedback = renderFeedback('ada', result(), null);
    expect(feedback).not.toMatch(unseen);
    expect(feedback).toContain('````text\n');
    expect(feedback).toContain('actual:   200 "ok\\x9b2J\\u202eevil\\u200bx\\rforged"');
  });

  it('shows a reason with angle brackets as text, not as HTML', () => {
    const feedback = renderFeedback('ada', result(), 'no exercise folder with a view.ts (looked for <slug>/view.ts)');
    expect(feedback).toContain('Your submission could not be graded: no exercise folder with a view.ts (looked for \\<slug\\>/view.ts).');
  });
});

describe('the gradebook', () => {
  const entry = (learner: string, handIn = 'graded'): ClassEntry => ({ learner, result: result(), handIn, reason: null });

  it('defuses a formula after a semicolon, read by spreadsheets that split cells on it', () => {
    const csv = renderGradebook([entry('x;=1+2'), entry('y\t@SUM(A1)'), entry('=HYPERLINK("http://x","y")')]);
    expect(csv).toContain("\r\n\"x;'=1+2\",1,3,");
    // The tab in an id is shown as an escape: nothing is left to split on.
    expect(csv).toContain('\r\ny\\t@SUM(A1),1,3,');
    expect(csv).toContain('\r\n"\'=HYPERLINK(""http://x"",""y"")",1,3,');
  });

  it('tells look-alike ids apart', () => {
    const rows = renderGradebook([entry('ada'), entry('ada\u200b'), entry('ada\u00ad'), entry('rtl\u202eevil')]).split('\r\n');
    expect(rows).toContain('ada,1,3,1,graded,failed');
    expect(rows).toContain('ada\\u200b,1,3,1,graded,failed');
    expect(rows).toContain('ada\\xad,1,3,1,graded,failed');
    expect(rows).toContain('rtl\\u202eevil,1,3,1,graded,failed');
  });
});

describe('the class report', () => {
  it('tells look-alike ids apart and keeps their text in its cell', () => {
    const entries: ClassEntry[] = [
      { learner: 'ada', result: result(), handIn: 'empty', reason: 'the folder is empty' },
      { learner: 'ada\u2060', result: result(), handIn: 'empty', reason: 'the folder is empty' },
      { learner: '<script>alert(1)</script>', result: result(), handIn: 'empty', reason: 'x\u202e' },
    ];
    const html = renderClassReport(entries);
    expect(html).not.toMatch(unseen);
    expect(html).toContain('<td>ada</td>');
    expect(html).toContain('<td>ada\\u2060</td>');
    expect(html).toContain('<td>&lt;script&gt;alert(1)&lt;/script&gt;</td><td>empty</td><td>x\\u202e</td>');
  });
});

describe('JUnit', () => {
  it('tells look-alike ids apart, and shows answers and printed text visibly', () => {
    const honest = toJUnit('ada', result());
    const lookAlike = toJUnit('ada\ufeff', result());
    expect(honest).toContain('<testsuites name="session-kit: ada" ');
    expect(lookAlike).toContain('<testsuites name="session-kit: ada\\ufeff" ');
    expect(lookAlike).not.toMatch(unseen);
    expect(lookAlike).toContain('actual:   200 &quot;ok\\x9b2J\\u202eevil\\u200bx\\rforged&quot;');
    expect(lookAlike).toContain('<system-out>listening\n\\x9b2J\\u202eredrawn\\u200b\n');
  });
});

describe('Gradescope', () => {
  it('shows answers, messages and the reason visibly in its text output', () => {
    const results = toGradescope(result({ exercises: [exercise({ status: 'crashed', message: 'crashed: \u202e\x9b' })] }), 'visible', 'x\u200b');
    const text = JSON.stringify(results);
    const parsed = [results.output, ...results.tests.map((test) => test.output)].join('\n');
    expect(parsed).not.toMatch(unseen);
    expect(text).toContain('crashed: \\\\u202e\\\\x9b');
  });
});
