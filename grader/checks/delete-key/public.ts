import { publicChecks } from '../../checking/check.js';
import { expectAnswer } from '../../checking/expect.js';

export default publicChecks([
  {
    id: 'delete-key/guest-default',
    title: 'Greets a guest before anybody logs in',
    level: 'easy',
    points: 1,
    hint: 'Read the name with a default: `req.session.username ?? \'guest\'`.',
    async run(t) {
      expectAnswer(await t.visitor().get('/whoami'), 200, 'Hello, guest');
    },
  },
  {
    id: 'delete-key/login-whoami',
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
    id: 'delete-key/logout',
    title: 'Logging out forgets the user',
    level: 'medium',
    points: 2,
    hint: 'Remove the key with `delete req.session.username`, then answer "Logged out".',
    async run(t) {
      const visitor = t.visitor();
      expectAnswer(await visitor.post('/login', { username: 'alice' }), 200, 'Logged in as alice');
      expectAnswer(await visitor.post('/logout'), 200, 'Logged out');
      expectAnswer(await visitor.get('/whoami'), 200, 'Hello, guest');
    },
  },
  {
    id: 'delete-key/logout-nobody',
    title: 'Logging out when nobody is logged in still answers "Logged out"',
    level: 'medium',
    points: 2,
    hint: '`delete` on a key that is not there does nothing and throws nothing: do not read the key first or throw when it is missing.',
    async run(t) {
      expectAnswer(await t.visitor().post('/logout'), 200, 'Logged out');
    },
  },
]);
