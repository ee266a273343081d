import { publicChecks } from '../../checking/check.js';
import { expectAnswer } from '../../checking/expect.js';

export default publicChecks([
  {
    id: 'logout/guest-default',
    title: 'Greets a guest before anybody logs in',
    level: 'easy',
    points: 1,
    hint: 'Read the name with a default: `req.session.username ?? \'guest\'`.',
    async run(t) {
      expectAnswer(await t.visitor().get('/whoami'), 200, 'Hello, guest');
    },
  },
  {
    id: 'logout/login-whoami',
    title: 'Logs in, then greets the user by name',
    level: 'easy',
    points: 2,
    hint: 'In `login`, store the posted field: `req.session.username = req.body.username`.',
    async run(t) {
      const visitor = t.visitor();
      expectAnswer(await visitor.post('/login', { username: 'alice' }), 200, 'Logged in as alice');
      expectAnswer(await visitor.get('/whoami'), 200, 'Hello, alice');
    },
  },
  {
    id: 'logout/logout',
    title: 'Logging out forgets the user',
    level: 'medium',
    points: 2,
    hint: 'Call `req.session.destroy(callback)` and answer "Logged out" inside the callback, once the session is gone.',
    async run(t) {
      const visitor = t.visitor();
      expectAnswer(await visitor.post('/login', { username: 'alice' }), 200, 'Logged in as alice');
      expectAnswer(await visitor.post('/logout'), 200, 'Logged out');
      expectAnswer(await visitor.get('/whoami'), 200, 'Hello, guest');
    },
  },
]);
