import { hiddenChecks } from '../../grader/engine/check-language/check.js';
import { expectAnswer, expectNoCookieSet } from '../../grader/engine/check-language/expect.js';
import { expectBrokenCookiesRejected, expectSessionKept } from '../../grader/engine/check-language/probes.js';

export default hiddenChecks([
  {
    id: 'flash-message/missing-message',
    title: 'A missing or blank message is refused and changes nothing',
    level: 'easy',
    points: 1,
    hint: 'Answer 400 "Missing message" when the field is missing or only spaces, and return before touching the session: a message waiting to be shown stays.',
    async run(t) {
      const stranger = t.visitor('a new visitor');
      const refused = await stranger.post('/flash', {});
      expectAnswer(refused, 400, 'Missing message');
      expectNoCookieSet(refused, 'a refused message should not start a session');
      const visitor = t.visitor();
      expectAnswer(await visitor.post('/flash', { message: 'Order placed' }), 200, 'Message saved');
      expectAnswer(await visitor.post('/flash', { message: '   ' }), 400, 'Missing message');
      expectAnswer(await visitor.post('/flash', {}, { json: true }), 400, 'Missing message');
      expectAnswer(await visitor.get('/flash'), 200, 'Message: Order placed');
    },
  },
  {
    id: 'flash-message/replace-message',
    title: 'A new message replaces one not yet shown',
    level: 'easy',
    points: 1,
    hint: 'Saving assigns the same session key again, which overwrites the waiting message: only the latest is shown, once.',
    async run(t) {
      const visitor = t.visitor();
      expectAnswer(await visitor.post('/flash', { message: 'Draft saved' }), 200, 'Message saved');
      expectAnswer(await visitor.post('/flash', { message: 'Post published' }, { json: true }), 200, 'Message saved');
      expectAnswer(await visitor.get('/flash'), 200, 'Message: Post published');
      expectAnswer(await visitor.get('/flash'), 200, 'Message: none');
    },
  },
  {
    id: 'flash-message/tampered-cookie',
    title: "A tampered or forged session cookie finds no message, and cannot take the owner's",
    level: 'hard',
    points: 1,
    hint: 'Trust only `req.session`: express-session rejects a cookie whose signature is wrong and starts an empty session. Do not read cookies yourself.',
    async run(t) {
      const owner = t.visitor('owner');
      expectAnswer(await owner.post('/flash', { message: 'for the owner' }), 200, 'Message saved');
      await expectBrokenCookiesRejected(t, owner, async (stranger) => {
        expectAnswer(await stranger.get('/flash'), 200, 'Message: none');
      });
      expectAnswer(await owner.get('/flash'), 200, 'Message: for the owner');
    },
  },
  {
    id: 'flash-message/session-kept',
    title: 'Saving and showing messages keeps the same session (the same session ID)',
    level: 'medium',
    points: 1,
    hint: 'Removing the message deletes one key: the visitor keeps the session and its ID. Do not regenerate or destroy it.',
    async run(t) {
      const visitor = t.visitor();
      await expectSessionKept(t, visitor, [
        () => visitor.post('/flash', { message: 'Saved' }),
        () => visitor.get('/flash'),
        () => visitor.post('/flash', { message: 'Again' }),
        () => visitor.get('/flash'),
      ]);
    },
  },
]);
