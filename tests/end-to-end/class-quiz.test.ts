/**
 * A class whose hand-ins carry quiz answers, graded in one run on one exercise: each learner's
 * quiz scored apart from the code against the kit's own key (a quiz file handed in changes
 * nothing), in the results, the feedback, the gradebook, Gradescope and JUnit; and the class
 * report's table of how many learners chose each answer.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readQuiz, type Quiz } from '../../grader/engine/course/quiz.js';
import type { GradeResult } from '../../grader/engine/results.js';
import { parseCsv } from '../class-fixture.js';
import { kitRoot, runKit, type KitRun } from '../run-kit.js';

const slug = 'favorite-color';
const quiz = readQuiz(slug) as Quiz;
const solution = readFileSync(path.join(kitRoot, 'solutions', slug, 'view.ts'));
const letter = (index: number): string => String.fromCharCode(65 + index);
const right = (id: string): string => letter(quiz.answerOf(id).answer);
const wrong = (id: string): string => letter((quiz.answerOf(id).answer + 1) % 4);
const points = { easy: 1, medium: 2, hard: 3 };
const maxPoints = quiz.questions.reduce((sum, question) => sum + points[question.level], 0);
const [first, second] = quiz.questions;

let root: string;
let out: string;
let run: KitRun;

function write(file: string, data: Buffer | string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, data);
}

const answers = (given: Record<string, string>): string => JSON.stringify({ answers: given });
const result = (id: string): GradeResult => JSON.parse(readFileSync(path.join(out, 'results', `${id}.json`), 'utf8')) as GradeResult;

beforeAll(() => {
  root = mkdtempSync(path.join(tmpdir(), 'class-quiz-'));
  const submissions = path.join(root, 'class');
  out = path.join(root, 'out');
  // ada: the solution and every answer right.
  write(path.join(submissions, 'ada', slug, 'view.ts'), solution);
  write(path.join(submissions, 'ada', slug, 'quiz-answers.json'), answers(Object.fromEntries(quiz.questions.map((question) => [question.id, right(question.id)]))));
  // bo: the solution, two answers, the second wrong, and a quiz file of bo's own that calls it right.
  write(path.join(submissions, 'bo', slug, 'view.ts'), solution);
  write(path.join(submissions, 'bo', slug, 'quiz-answers.json'), answers({ [first!.id]: right(first!.id), [second!.id]: wrong(second!.id) }));
  const forged = JSON.parse(readFileSync(path.join(kitRoot, 'solutions', slug, 'quiz.json'), 'utf8')) as { questions: { answer: number }[] };
  forged.questions[1]!.answer = quiz.answerOf(second!.id).answer === 0 ? 1 : 0;
  write(path.join(submissions, 'bo', slug, 'quiz.json'), JSON.stringify(forged));
  write(path.join(submissions, 'bo', 'solutions', slug, 'quiz.json'), JSON.stringify(forged));
  // cy: the stub and answers that are not JSON.
  write(path.join(submissions, 'cy', slug, 'view.ts'), readFileSync(path.join(kitRoot, 'exercises', slug, '.stub', 'view.ts')));
  write(path.join(submissions, 'cy', slug, 'quiz-answers.json'), '{ "answers": ');
  run = runKit(['grade', '--submissions', submissions, '--out', out, '--format', 'gradescope,junit', slug]);
}, 300_000);

describe('a class with quiz answers', () => {
  it('grades each quiz apart from the code, against the kit\'s own key', () => {
    expect(run.status, run.stderr).toBe(0);
    expect(result('ada').exercises[0]!.quiz).toMatchObject({ points: maxPoints, maxPoints, answered: quiz.questions.length });
    const bo = result('bo').exercises[0]!;
    // The forged key would have made the second answer right: it is not read.
    expect(bo.quiz).toMatchObject({ points: points[first!.level], answered: 2, refused: null });
    expect(bo.score).toBe(bo.maxScore);
    expect(result('cy').exercises[0]!.quiz).toMatchObject({ points: 0, answered: 0, refused: expect.stringMatching(/not valid JSON/) });
  });

  it('shows the quiz in the feedback, on a line of its own', () => {
    const feedback = readFileSync(path.join(out, 'feedback', 'bo.md'), 'utf8');
    expect(feedback).toContain(`Quizzes: ${points[first!.level]}/${maxPoints} points, 1 of 1 taken`);
    expect(feedback).toMatch(/quiz: \d+\/\d+ points, 8 of 10 questions left/);
    // Answers that could not be read are named, not taken for none.
    const cy = readFileSync(path.join(out, 'feedback', 'cy.md'), 'utf8');
    expect(cy).toContain(`the answers of ${slug} could not be read`);
    expect(cy).toMatch(/the answers of favorite-color could not be read: .*quiz-answers.json is not valid JSON/);
  });

  it('adds quiz columns after the code\'s in the gradebook', () => {
    const [header, ...rows] = parseCsv(readFileSync(path.join(out, 'gradebook.csv'), 'utf8'));
    expect(header!.slice(-3)).toEqual(['quiz total', 'quiz maximum', `${slug} quiz`]);
    const ada = rows.find((cells) => cells[0] === 'ada')!;
    expect(ada.slice(-3)).toEqual([String(maxPoints), String(maxPoints), String(maxPoints)]);
    expect(ada[1]).toBe(String(result('ada').score));
  });

  it('makes the quiz a Gradescope test of its own, counted in the score', () => {
    const gradescope = JSON.parse(readFileSync(path.join(out, 'gradescope', 'bo', 'results.json'), 'utf8')) as { score: number; tests: { name: string; score: number; max_score: number }[] };
    const test = gradescope.tests.find((candidate) => candidate.name.endsWith(': quiz'))!;
    expect(test).toMatchObject({ score: points[first!.level], max_score: maxPoints });
    expect(gradescope.score).toBe(gradescope.tests.reduce((sum, candidate) => sum + candidate.score, 0));
  });

  it('gives each question a JUnit test case: a wrong answer fails, one not given is skipped', () => {
    const xml = readFileSync(path.join(out, 'junit', 'bo.xml'), 'utf8');
    expect(xml).toContain(`<testsuite name="${slug} quiz" tests="10" failures="1" errors="0" skipped="8"`);
    expect(xml).toContain(`answered ${wrong(second!.id)}, not the right choice`);
  });

  it('counts, per question, the learners who chose each answer in the class report', () => {
    const html = readFileSync(path.join(out, 'report.html'), 'utf8');
    expect(html).toContain(`data-quiz="${slug}" data-learners="2"`);
    const row = new RegExp(`<tr data-question="${second!.id}">.*?</tr>`).exec(html)?.[0] ?? '';
    expect(row).toContain('data-right="1" data-answered="2"');
    expect(row).toContain(`data-choice="${wrong(second!.id)}" data-learners="1"`);
    expect(row).toContain(`data-choice="${right(second!.id)}" data-learners="1"`);
  });
});
