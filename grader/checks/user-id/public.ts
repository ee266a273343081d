import { publicChecks } from '../../checking/check.js';
import { expectAnswer } from '../../checking/expect.js';

export default publicChecks([
  {
    id: 'user-id/not-signed-in',
    title: 'Says "Not signed in" before anybody signs in',
    level: 'easy',
    points: 1,
    hint: 'A new visitor has no id in the session: answer "Not signed in" when `req.session.userId` is undefined.',
    async run(t) {
      expectAnswer(await t.visitor().get('/me'), 200, 'Not signed in');
    },
  },
  {
    id: 'user-id/login-me',
    title: 'Signs in with the right password, then shows the display name',
    level: 'easy',
    points: 2,
    hint: 'Find the user with `findUserByName`, check the password with `checkPassword`, keep `user.id` in the session; in `me`, get the user back with `findUserById` and show `displayName`.',
    async run(t) {
      const visitor = t.visitor();
      expectAnswer(await visitor.post('/login', { username: 'alice', password: 'wonderland' }), 200, 'Welcome, Alice Liddell');
      expectAnswer(await visitor.get('/me'), 200, 'Signed in as Alice Liddell');
    },
  },
  {
    id: 'user-id/wrong-password',
    title: 'A wrong password or an unknown user is refused with 401',
    level: 'medium',
    points: 2,
    hint: 'A user who exists is not enough: `checkPassword(user, password)` must be true. Answer 401 "Wrong username or password" in both cases, so as not to tell which part was wrong.',
    async run(t) {
      const visitor = t.visitor();
      expectAnswer(await visitor.post('/login', { username: 'alice', password: 'looking-glass' }), 401, 'Wrong username or password');
      expectAnswer(await visitor.post('/login', { username: 'mallory', password: 'wonderland' }), 401, 'Wrong username or password');
      expectAnswer(await visitor.get('/me'), 200, 'Not signed in');
    },
  },
]);
