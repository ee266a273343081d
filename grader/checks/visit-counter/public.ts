import { publicChecks } from '../../checking/check.js';
import { expectAnswer } from '../../checking/expect.js';

const visits = (n: number): string => `You have visited this page ${n} times.`;

export default publicChecks([
  {
    id: 'visit-counter/first-visit',
    title: 'A first visit counts 1',
    level: 'easy',
    points: 1,
    hint: 'Start from 0 when the session has no count yet (`req.session.visits ?? 0`), then add one.',
    async run(t) {
      expectAnswer(await t.visitor().get('/visits'), 200, visits(1));
    },
  },
  {
    id: 'visit-counter/counts-up',
    title: 'Each later visit of the same visitor counts one more',
    level: 'easy',
    points: 2,
    hint: 'Store the new count back in the session (`req.session.visits = visits`) before answering, or the next request starts again from 0.',
    async run(t) {
      const visitor = t.visitor();
      for (const n of [1, 2, 3]) expectAnswer(await visitor.get('/visits'), 200, visits(n));
    },
  },
]);
