import { publicChecks } from '../../checking/check.js';
import { expectAnswer } from '../../checking/expect.js';

export default publicChecks([
  {
    id: 'flash-message/default',
    title: 'Shows "none" when there is no message',
    level: 'easy',
    points: 1,
    hint: 'A new visitor has no message in the session: read it with a default, `req.session.flash ?? \'none\'`.',
    async run(t) {
      expectAnswer(await t.visitor().get('/flash'), 200, 'Message: none');
    },
  },
  {
    id: 'flash-message/set-then-show',
    title: 'Saves a message, then shows it on the next request',
    level: 'easy',
    points: 2,
    hint: 'Store the posted field in the session in `saveFlash`, and in `showFlash` read it before you remove it.',
    async run(t) {
      const visitor = t.visitor();
      expectAnswer(await visitor.post('/flash', { message: 'Welcome back' }), 200, 'Message saved');
      expectAnswer(await visitor.get('/flash'), 200, 'Message: Welcome back');
    },
  },
  {
    id: 'flash-message/shown-once',
    title: 'Shows a message once; the next request finds none',
    level: 'medium',
    points: 2,
    hint: 'Showing the message must also remove it from the session: read it into a variable, `delete` the key, then answer with the variable.',
    async run(t) {
      const visitor = t.visitor();
      expectAnswer(await visitor.post('/flash', { message: 'Profile updated' }), 200, 'Message saved');
      expectAnswer(await visitor.get('/flash'), 200, 'Message: Profile updated');
      expectAnswer(await visitor.get('/flash'), 200, 'Message: none');
      expectAnswer(await visitor.post('/flash', { message: 'Password changed' }), 200, 'Message saved');
      expectAnswer(await visitor.get('/flash'), 200, 'Message: Password changed');
      expectAnswer(await visitor.get('/flash'), 200, 'Message: none');
    },
  },
]);
