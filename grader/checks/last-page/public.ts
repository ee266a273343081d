import { publicChecks } from '../../checking/check.js';
import { expectAnswer } from '../../checking/expect.js';

export default publicChecks([
  {
    id: 'last-page/first-visit',
    title: 'A first visit has no previous page',
    level: 'easy',
    points: 1,
    hint: 'A new visitor has nothing in the session: read the last page with a default, `req.session.lastPage ?? \'none\'`, before you store anything.',
    async run(t) {
      expectAnswer(await t.visitor().get('/pages/home'), 200, 'Previous page: none');
    },
  },
  {
    id: 'last-page/shows-previous',
    title: 'The next visit shows the page opened before',
    level: 'easy',
    points: 2,
    hint: 'Read the old value first and keep it in a variable; only then store the current page (`req.path`) in the session.',
    async run(t) {
      const visitor = t.visitor();
      expectAnswer(await visitor.get('/pages/home'), 200, 'Previous page: none');
      expectAnswer(await visitor.get('/pages/about'), 200, 'Previous page: /pages/home');
    },
  },
]);
