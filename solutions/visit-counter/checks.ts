import { hiddenChecks } from '../../grader/engine/check-language/check.js';
import { expectAnswer } from '../../grader/engine/check-language/expect.js';
import { expectBrokenCookiesRejected, expectSessionKept } from '../../grader/engine/check-language/probes.js';

const visits = (n: number): string => `You have visited this page ${n} times.`;

export default hiddenChecks([
  {
    id: 'visit-counter/eleven-visits',
    title: 'Eleven visits in a row count up to 11, as in the lesson\'s table',
    level: 'medium',
    points: 1,
    hint: 'Keep the count a number: a count stored as text turns `"1" + 1` into "11".',
    async run(t) {
      const visitor = t.visitor();
      for (let n = 1; n <= 11; n++) expectAnswer(await visitor.get('/visits'), 200, visits(n));
    },
  },
  {
    id: 'visit-counter/tampered-cookie',
    title: 'A tampered or forged session cookie starts counting from 1 again',
    level: 'hard',
    points: 2,
    hint: 'Trust only `req.session`: express-session rejects a cookie whose signature is wrong and starts a new, empty session.',
    async run(t) {
      const owner = t.visitor('owner');
      expectAnswer(await owner.get('/visits'), 200, visits(1));
      expectAnswer(await owner.get('/visits'), 200, visits(2));
      await expectBrokenCookiesRejected(t, owner, async (stranger) => {
        expectAnswer(await stranger.get('/visits'), 200, visits(1));
      });
      expectAnswer(await owner.get('/visits'), 200, visits(3));
    },
  },
  {
    id: 'visit-counter/session-kept',
    title: 'Counting visits keeps the same session (the same session ID)',
    level: 'medium',
    points: 1,
    hint: 'Counting only changes a key of `req.session`: the visitor keeps the session and its ID. Do not regenerate or destroy it.',
    async run(t) {
      const visitor = t.visitor();
      await expectSessionKept(t, visitor, [
        () => visitor.get('/visits'),
        () => visitor.get('/visits'),
        () => visitor.get('/visits'),
      ]);
    },
  },
]);
