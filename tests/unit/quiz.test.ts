/**
 * The quiz as data and as graded: every exercise's quiz is well formed by the kit check's rules,
 * a malformed one is refused in one line, a copy's sealed answers open only as the same answers,
 * a learner's answers file is read as a stranger's, and the score counts points by level.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CourseError, manifest } from '../../grader/engine/course/manifest.js';
import { openQuizFile, parseOpenQuiz, parseSealedQuiz, readQuiz, sealedQuizText, type Quiz } from '../../grader/engine/course/quiz.js';
import { quizAnswersText, readQuizAnswers } from '../../grader/engine/grading/quiz-answers.js';
import { quizResultOf } from '../../grader/engine/grading/quiz-result.js';
import { scoreQuiz } from '../../grader/engine/grading/quiz-score.js';
import { quizProblems, quizShapeProblems } from '../../grader/instructor/soundness/quiz-rules.js';
import { namesOf } from '../../grader/instructor/scaffold/names.js';
import { quizFile } from '../../grader/instructor/scaffold/quiz-template.js';
import { kitRoot } from '../run-kit.js';

function kitQuiz(slug: string): Quiz {
  const quiz = readQuiz(slug);
  if (!quiz) throw new Error(`${slug} has no quiz`);
  return quiz;
}

const first = manifest.exercises[0]!.slug;
const openText = (): string => readFileSync(path.join(kitRoot, openQuizFile(first)), 'utf8');

describe("the course's quizzes", () => {
  it.each(manifest.exercises.map((exercise) => exercise.slug))('%s: ten questions, levels spread, every choice explained', (slug) => {
    expect(quizProblems(slug)).toEqual([]);
    expect(kitQuiz(slug).open).toBe(true);
  });
});

describe("new-exercise's quiz", () => {
  // The example's names go into its code and choices: the longest slug must still fit the terminal.
  it.each(['a', 'remember-name', 'a'.repeat(40), 'abc-def-ghi-jkl-mno-pqr-stu-vwx-yz-abcde'])('is well formed for %s', (slug) => {
    expect(quizShapeProblems(parseOpenQuiz(slug, quizFile(namesOf(slug))))).toEqual([]);
  });
});

describe('a malformed quiz', () => {
  const edited = (edit: (data: { questions: Record<string, unknown>[] }) => void): string => {
    const data = JSON.parse(openText()) as { questions: Record<string, unknown>[] };
    edit(data);
    return JSON.stringify(data);
  };

  it('is refused in one line naming the file and the question', () => {
    const noWhy = edited((data) => {
      (data.questions[0]!.choices as { why?: string }[])[1]!.why = undefined;
    });
    expect(() => parseOpenQuiz(first, noWhy)).toThrow(CourseError);
    expect(() => parseOpenQuiz(first, noWhy)).toThrow(new RegExp(`^solutions/${first}/quiz.json, question 1 \\(.+\\): every choice needs its "why"`));
    const outOfRange = edited((data) => {
      data.questions[2]!.answer = 9;
    });
    expect(() => parseOpenQuiz(first, outOfRange)).toThrow(/question 3 .*"answer" is the index of the right choice/);
    const twice = edited((data) => {
      data.questions[1]!.id = data.questions[0]!.id;
    });
    expect(() => parseOpenQuiz(first, twice)).toThrow(/is taken by another question/);
    expect(() => parseOpenQuiz(first, '{ "questions": 3 ')).toThrow(/is not valid JSON/);
  });

  it('breaks the kit check rules when it has nine questions, one level only, or code too wide', () => {
    const nine = parseOpenQuiz(first, edited((data) => void data.questions.pop()));
    expect(quizShapeProblems(nine)).toContainEqual(expect.stringMatching(/has 9 questions: a quiz has 10/));
    const allEasy = parseOpenQuiz(first, edited((data) => data.questions.forEach((question) => (question.level = 'easy'))));
    expect(quizShapeProblems(allEasy)).toContainEqual(expect.stringMatching(/has 0 hard questions/));
    const wide = parseOpenQuiz(first, edited((data) => (data.questions[0]!.code = 'x'.repeat(90))));
    expect(quizShapeProblems(wide)).toContainEqual(expect.stringMatching(/wider than 76 characters/));
  });
});

describe("a copy's sealed quiz", () => {
  it('shows the questions and no answer or explanation, and opens to the same answers', () => {
    const quiz = kitQuiz(first);
    const sealed = sealedQuizText(quiz);
    const data = JSON.parse(openText()) as { questions: { answer: number; choices: { why: string }[] }[] };
    for (const question of data.questions) {
      for (const choice of question.choices) expect(sealed).not.toContain(choice.why.slice(0, 40));
    }
    expect(sealed).not.toMatch(/"answer"|"why"/);
    const copy = parseSealedQuiz(first, sealed);
    expect(copy.open).toBe(false);
    expect(copy.questions).toEqual(quiz.questions);
    for (const question of quiz.questions) expect(copy.answerOf(question.id)).toEqual(quiz.answerOf(question.id));
    expect(sealedQuizText(quiz)).toBe(sealed);
  });

  it('refuses an answer sealed for another question', () => {
    const data = JSON.parse(sealedQuizText(kitQuiz(first))) as { questions: { sealed: string }[] };
    data.questions[0]!.sealed = data.questions[1]!.sealed;
    const copy = parseSealedQuiz(first, JSON.stringify(data));
    expect(() => copy.answerOf(copy.questions[0]!.id)).toThrow(/cannot be opened/);
  });
});

describe("a learner's answers", () => {
  const folder = (): string => {
    const root = mkdtempSync(path.join(tmpdir(), 'quiz-answers-'));
    mkdirSync(path.join(root, first));
    return path.join(root, first);
  };

  it('score each right answer by its level and count the rest as missed', () => {
    const quiz = kitQuiz(first);
    const right = new Map(quiz.questions.map((question) => [question.id, quiz.answerOf(question.id).answer]));
    const full = scoreQuiz(quiz, right);
    const expected = quiz.questions.reduce((sum, question) => sum + { easy: 1, medium: 2, hard: 3 }[question.level], 0);
    expect(full.points).toBe(expected);
    expect(full.maxPoints).toBe(expected);
    const hardOnesWrong = new Map([...right].map(([id, index]) => {
      const question = quiz.questions.find((candidate) => candidate.id === id)!;
      return [id, question.level === 'hard' ? (index + 1) % question.choices.length : index];
    }));
    const score = scoreQuiz(quiz, hardOnesWrong);
    expect(score.byLevel.hard.points).toBe(0);
    expect(score.points).toBe(expected - score.byLevel.hard.maxPoints);
    expect(scoreQuiz(quiz, new Map()).answered).toBe(0);
  });

  it('are written and read back as letters', () => {
    const quiz = kitQuiz(first);
    const dir = folder();
    const given = new Map([[quiz.questions[0]!.id, 2], [quiz.questions[3]!.id, 0]]);
    writeFileSync(path.join(dir, 'quiz-answers.json'), quizAnswersText(quiz, given));
    expect(readQuizAnswers(dir, quiz)).toEqual({ kind: 'read', answers: given });
  });

  it("keep nothing that is not a letter for one of the kit's questions", () => {
    const quiz = kitQuiz(first);
    const dir = folder();
    const [one, two, three] = quiz.questions.map((question) => question.id);
    // JSON.parse makes "__proto__" an own key, as a hand-written file would hold it.
    writeFileSync(path.join(dir, 'quiz-answers.json'), `{ "answers": { "__proto__": { "${one!}": "A" }, "${one!}": "b", "${two!}": "Z", "${three!}": 1, "no-such-question": "A" } }`);
    expect(readQuizAnswers(dir, quiz)).toEqual({ kind: 'read', answers: new Map([[one, 1]]) });
  });

  it('are refused, not followed, through a link out of the folder, and score nothing', () => {
    const quiz = kitQuiz(first);
    const dir = folder();
    const outside = path.join(mkdtempSync(path.join(tmpdir(), 'elsewhere-')), 'answers.json');
    writeFileSync(outside, quizAnswersText(quiz, new Map(quiz.questions.map((question) => [question.id, quiz.answerOf(question.id).answer]))));
    symlinkSync(outside, path.join(dir, 'quiz-answers.json'));
    const result = quizResultOf(quiz, dir, path.dirname(dir));
    expect(result.refused).toMatch(/link to a file outside your folder/);
    expect(result.points).toBe(0);
  });

  it('are read when an editor saved them with a byte order mark', () => {
    const quiz = kitQuiz(first);
    const dir = folder();
    const given = new Map([[quiz.questions[0]!.id, 2]]);
    writeFileSync(path.join(dir, 'quiz-answers.json'), `\uFEFF${quizAnswersText(quiz, given)}`);
    expect(readQuizAnswers(dir, quiz)).toEqual({ kind: 'read', answers: given });
  });

  it("that are refused are named from the graded folder, never by the machine's path, and said of answers", () => {
    const quiz = kitQuiz(first);
    const dir = folder();
    writeFileSync(path.join(dir, 'quiz-answers.json'), ' '.repeat(300 * 1024));
    const tooLarge = quizResultOf(quiz, dir, path.dirname(dir)).refused;
    expect(tooLarge).toBe(`${first}/quiz-answers.json is 300 KiB; the limit is 256 KiB: answers take a few hundred bytes; take the quiz again (npm run quiz -- ${first})`);
    rmSync(path.join(dir, 'quiz-answers.json'));
    mkdirSync(path.join(dir, 'quiz-answers.json'));
    const aFolder = quizResultOf(quiz, dir, path.dirname(dir)).refused;
    expect(aFolder).toBe(`${first}/quiz-answers.json is a folder, not a file: grading reads only a plain file with your answers`);
  });

  it('that are not JSON are named, with how to start again', () => {
    const quiz = kitQuiz(first);
    const dir = folder();
    writeFileSync(path.join(dir, 'quiz-answers.json'), '{ "answers": ');
    expect(readQuizAnswers(dir, quiz)).toEqual({ kind: 'refused', message: expect.stringMatching(/quiz-answers.json is not valid JSON/) });
  });
});
