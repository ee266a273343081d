/**
 * A learner's result as JUnit XML, the format CI systems read: one test suite per exercise, one
 * test case per check, a failure (with its message) for each failed check. It shows what the
 * learner may see: hidden checks fail with their hint only.
 */
import type { CheckResult, ExerciseResult, GradeResult } from '../results.js';
import { printable } from './printable.js';

/** Characters XML 1.0 cannot hold at all; they are dropped. */
// Matching control characters is the point here.
// eslint-disable-next-line no-control-regex
const notXml = /[^\x09\x0a\x0d\x20-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu;

/** Escapes text for an XML attribute or element. */
export function escapeXml(text: string): string {
  return text
    .replace(notXml, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;')
    .replace(/\t/g, '&#9;');
}

/** Element text keeps its line breaks readable. */
function escapeText(text: string): string {
  return escapeXml(text).replace(/&#10;/g, '\n');
}

function seconds(ms: number): string {
  return (ms / 1000).toFixed(3);
}

function failureBody(check: CheckResult): string {
  const lines: string[] = [];
  if (check.details) {
    lines.push(...check.details.requests);
    if (check.details.expected !== null) lines.push(`expected: ${check.details.expected}`);
    if (check.details.actual !== null) lines.push(`actual:   ${check.details.actual}`);
  }
  lines.push(`hint: ${check.hint}`);
  return lines.join('\n');
}

function testCase(exercise: ExerciseResult, check: CheckResult): string {
  const open = `    <testcase classname="${escapeXml(exercise.slug)}" name="${escapeXml(check.title)}" time="0.000">`;
  const properties = [
    '      <properties>',
    `        <property name="id" value="${escapeXml(check.id)}"/>`,
    `        <property name="level" value="${check.level}"/>`,
    `        <property name="visibility" value="${check.visibility}"/>`,
    `        <property name="points" value="${check.points}"/>`,
    '      </properties>',
  ];
  if (check.passed) return [open, ...properties, '    </testcase>'].join('\n');
  const message = check.message ?? (check.visibility === 'hidden' ? 'hidden check failed' : 'failed');
  return [
    open,
    ...properties,
    `      <failure message="${escapeXml(message)}" type="${exercise.status}">${escapeText(failureBody(check))}</failure>`,
    '    </testcase>',
  ].join('\n');
}

function testSuite(exercise: ExerciseResult): string {
  const failures = exercise.checks.filter((check) => !check.passed).length;
  const attributes = [
    `name="${escapeXml(exercise.slug)}"`,
    `tests="${exercise.checks.length}"`,
    `failures="${failures}"`,
    'errors="0"',
    'skipped="0"',
    `time="${seconds(exercise.durationMs)}"`,
  ].join(' ');
  const lines = [
    `  <testsuite ${attributes}>`,
    '    <properties>',
    `      <property name="title" value="${escapeXml(exercise.title)}"/>`,
    `      <property name="status" value="${exercise.status}"/>`,
    `      <property name="score" value="${exercise.score}"/>`,
    `      <property name="maxScore" value="${exercise.maxScore}"/>`,
  ];
  if (exercise.message) lines.push(`      <property name="message" value="${escapeXml(exercise.message)}"/>`);
  lines.push('    </properties>');
  lines.push(...exercise.checks.map((check) => testCase(exercise, check)));
  if (exercise.output) lines.push(`    <system-out>${escapeText(exercise.output)}</system-out>`);
  lines.push('  </testsuite>');
  return lines.join('\n');
}

/** JUnit XML for one learner; `view` is the learner's view of the result. */
export function toJUnit(learner: string, view: GradeResult): string {
  const checks = view.exercises.flatMap((exercise) => exercise.checks);
  const failures = checks.filter((check) => !check.passed).length;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${escapeXml(`session-kit: ${printable(learner)}`)}" tests="${checks.length}" failures="${failures}" errors="0" time="${seconds(view.durationMs)}">`,
    ...view.exercises.map(testSuite),
    '</testsuites>',
    '',
  ].join('\n');
}
