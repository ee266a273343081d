import { publicChecks } from '../../grader/engine/check-language/check.js';
import { expectAnswer, expectOnlySessionId, expectStored } from '../../grader/engine/check-language/expect.js';
import { storeFollowed } from '../../grader/engine/check-language/probes.js';

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
  {
    id: 'visit-counter/visitors-apart',
    title: 'Each new visitor starts at 1, whatever the others counted',
    level: 'medium',
    points: 2,
    hint: 'A counter in a variable of the module is shared by every visitor: keep each count in `req.session`.',
    async run(t) {
      // One visit each: counting up is the other checks' business, so a count never stored back passes here.
      expectAnswer(await t.visitor('ana').get('/visits'), 200, visits(1));
      expectAnswer(await t.visitor('ben').get('/visits'), 200, visits(1));
      expectAnswer(await t.visitor('a request with no cookie').get('/visits'), 200, visits(1));
    },
  },
  {
    id: 'visit-counter/data-on-server',
    title: 'Keeps the count on the server; the cookie holds only the session ID',
    level: 'medium',
    points: 2,
    hint: 'Do not send the count in a cookie of your own: `req.session.visits` stays on the server, and the browser gets only a signed ID.',
    async run(t) {
      const visitor = t.visitor();
      const first = await visitor.get('/visits');
      expectAnswer(first, 200, visits(1));
      await expectOnlySessionId(t, first, []);
      expectAnswer(await visitor.get('/visits'), 200, visits(2));
      expectStored(await t.sessionOf(visitor), 2, 'the count');
    },
  },
  storeFollowed({
    id: 'visit-counter/count-from-store',
    title: 'Counts on from the count the session store holds',
    level: 'hard',
    points: 2,
    hint: 'Read the count from `req.session` at every visit: a copy kept anywhere else (a variable of the module, a map by session ID) does not follow the session store.',
    what: 'the count',
    store: [
      { get: '/visits', answer: visits(1) },
      { get: '/visits', answer: visits(2) },
    ],
    swap: [[2, 41], ['2', '41']],
    follow: [{ get: '/visits', answer: visits(42) }],
    // A copy goes on from the 2 it kept.
    copyAnswer: visits(3),
  }),
]);
