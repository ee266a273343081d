/**
 * The quiz `npm run new-exercise` writes with its example: ten questions on the example itself (a
 * value saved in the session, then shown), well formed for the kit check, for the author to
 * rewrite question by question into the lesson's own.
 */
import type { ExerciseNames } from './names.js';

interface TemplateQuestion {
  id: string;
  level: 'easy' | 'medium' | 'hard';
  prompt: string;
  code?: string;
  choices: [string, string][];
  answer: number;
}

function questions(n: ExerciseNames): TemplateQuestion[] {
  const save = `save${n.pascal}`;
  const show = `show${n.pascal}`;
  const key = `req.session.${n.sessionKey}`;
  return [
    { id: 'new-visitor-sees-none', level: 'easy', prompt: `A new visitor sends GET /${n.slug}. What is the answer?`, choices: [
      ['`Your value: none`', 'Right: nothing is saved yet, so `?? \'none\'` gives the default.'],
      ['`Your value: undefined`', 'That is what the handler shows without `?? \'none\'`.'],
      ['An error 500', 'A missing key is `undefined`, not an error.'],
    ], answer: 0 },
    { id: 'save-then-show', level: 'easy', prompt: `A visitor posts value=blue to /${n.slug}, then sends GET /${n.slug}. What is the answer?`, choices: [
      ['`Your value: none`', 'Tempting if each request seemed to start afresh, but the cookie brings the same session back.'],
      ['`Your value: blue`', `Right: \`${save}\` stored it in the session and \`${show}\` reads it back.`],
      ['`Saved`', `That is what \`${save}\` answers; \`${show}\` answers with the value.`],
    ], answer: 1 },
    { id: 'cookie-holds-id', level: 'easy', prompt: 'What does the session cookie hold after the value is saved?', choices: [
      ['The value itself', 'express-session keeps data in the store, never in the cookie.'],
      ['The whole session as JSON', 'Some tools do that; express-session does not.'],
      ['The session ID, signed', 'Right: the cookie only names the session; the value stays on the server.'],
    ], answer: 2 },
    { id: 'two-browsers', level: 'medium', prompt: `Browser A posts value=blue. Browser B, with no cookie, then sends GET /${n.slug}. What does B read?`, choices: [
      ['`Your value: blue`', 'That is what a value kept in a module variable would show: shared by everyone.'],
      ['`Your value: none`', 'Right: B has its own, new session, in which nothing is saved.'],
      ['An error: B has no session', 'express-session gives every request a session, new when no cookie comes.'],
    ], answer: 1 },
    { id: 'reading-saves-nothing', level: 'medium', prompt: `After a new visitor's GET /${n.slug}, what does the store hold for them?`, choices: [
      ['Nothing: the session did not change', 'Right: an unchanged new session is not saved (saveUninitialized is false).'],
      [`\`{ ${n.sessionKey}: 'none' }\``, "The default only builds the answer; it writes nothing."],
      ['An empty session, `{}`', 'An empty new session is dropped at the end of the request, not saved.'],
    ], answer: 0 },
    { id: 'module-variable-bug', level: 'medium', prompt: 'What is wrong with this handler?', code: `let last = 'none';\nexport function ${save}(req, res) {\n  last = req.body.value;\n  res.send('Saved');\n}`, choices: [
      ['Nothing: it saves the value', 'It saves it once for the whole server, not per visitor.'],
      ['Every visitor shares one value', 'Right: a module variable is shared; the session is per visitor.'],
      ['It never answers', 'It answers `Saved` like the solution.'],
    ], answer: 1 },
    { id: 'overwrite', level: 'medium', prompt: `One visitor posts value=blue, then value=green, then sends GET /${n.slug}. What is the answer?`, choices: [
      ['`Your value: blue`', 'Assigning a key replaces what it held.'],
      ['`Your value: blue, green`', 'Nothing here keeps a list.'],
      ['`Your value: green`', 'Right: the second save replaced the first.'],
    ], answer: 2 },
    { id: 'saved-after-answer', level: 'hard', prompt: 'Which of these two handlers loses the value?', code: `// A\nres.send('Saved');\n${key} = req.body.value;\n// B\n${key} = req.body.value;\nres.send('Saved');`, choices: [
      ['A', 'Right: express-session saves the session as the answer ends, so a value stored after it is lost.'],
      ['B', 'This is the solution: store, then answer.'],
      ['Neither: the order does not matter', 'It does: the session is saved when the answer is sent.'],
    ], answer: 0 },
    { id: 'server-restart', level: 'hard', prompt: 'The store is in memory. The server restarts; the browser still sends its cookie. What does it read?', choices: [
      ['The value it saved', 'The store that held it is gone with the old process.'],
      ['`Your value: none`', 'Right: the cookie names a session the new store does not have, so a new one starts.'],
      ['An error 500', 'An unknown session ID is not an error: a new session starts.'],
    ], answer: 1 },
    { id: 'what-to-store', level: 'hard', prompt: 'Which value can the session keep as it is?', choices: [
      ['A function', 'The store keeps JSON: a function is lost.'],
      ['A number or a string', 'Right: JSON keeps them as they are.'],
      ['A Date object', 'JSON keeps a Date as text: it comes back as a string.'],
    ], answer: 1 },
  ];
}

/** The quiz file's text, as `solutions/<slug>/quiz.json` holds it. */
export function quizFile(n: ExerciseNames): string {
  const data = {
    questions: questions(n).map(({ choices, ...question }) => ({
      ...question,
      choices: choices.map(([text, why]) => ({ text, why })),
    })),
  };
  return `${JSON.stringify(data, null, 2)}\n`;
}
