import { publicChecks } from '../../grader/engine/check-language/check.js';
import type { SessionRecord } from '../../grader/engine/check-language/context.js';
import { expectAnswer, expectOnlySessionId, expectThat } from '../../grader/engine/check-language/expect.js';
import { storeFollowed } from '../../grader/engine/check-language/probes.js';

export const previous = (page: string): string => `Previous page: ${page}`;

/** Some text stored in the session (any key, any depth) contains `part`. */
function holdsText(value: unknown, part: string): boolean {
  if (typeof value === 'string') return value.includes(part);
  if (typeof value !== 'object' || value === null) return false;
  return Object.values(value).some((inner) => holdsText(inner, part));
}

function expectPageStored(stored: SessionRecord | null, name: string): void {
  const data = stored && Object.fromEntries(Object.entries(stored).filter(([key]) => key !== 'cookie'));
  expectThat(
    data !== null && holdsText(data, name),
    'the session store does not hold the last page: keep it in req.session',
    `a stored session holding the page "${name}"`,
    data === null ? 'no stored session for this visitor' : JSON.stringify(data),
  );
}

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
  {
    id: 'last-page/follows-pages',
    title: 'Follows the visitor from page to page, the same page twice included',
    level: 'medium',
    points: 2,
    hint: 'Store the current page on every request, not only the first one: each answer shows the page of the request just before it, even when it is the same page.',
    async run(t) {
      const visitor = t.visitor();
      expectAnswer(await visitor.get('/pages/home'), 200, previous('none'));
      expectAnswer(await visitor.get('/pages/about'), 200, previous('/pages/home'));
      expectAnswer(await visitor.get('/pages/about'), 200, previous('/pages/about'));
      expectAnswer(await visitor.get('/pages/contact'), 200, previous('/pages/about'));
      expectAnswer(await visitor.get('/pages/home'), 200, previous('/pages/contact'));
    },
  },
  {
    id: 'last-page/visitors-apart',
    title: "Keeps each visitor's last page apart",
    level: 'medium',
    points: 2,
    hint: 'A variable of the module is shared by every visitor: keep the last page in `req.session`, which belongs to one browser.',
    async run(t) {
      const ana = t.visitor('ana');
      const ben = t.visitor('ben');
      expectAnswer(await ana.get('/pages/home'), 200, previous('none'));
      expectAnswer(await ben.get('/pages/shop'), 200, previous('none'));
      expectAnswer(await ana.get('/pages/about'), 200, previous('/pages/home'));
      expectAnswer(await t.visitor('a request with no cookie').get('/pages/help'), 200, previous('none'));
      expectAnswer(await ben.get('/pages/cart'), 200, previous('/pages/shop'));
      expectAnswer(await ana.get('/pages/contact'), 200, previous('/pages/about'));
    },
  },
  {
    id: 'last-page/data-on-server',
    title: 'Keeps the last page on the server; the cookie holds only the session ID',
    level: 'medium',
    points: 2,
    hint: 'Do not set cookies yourself: `req.session.lastPage = req.path` keeps the page on the server, and express-session sends the browser only a signed ID.',
    async run(t) {
      const visitor = t.visitor();
      const first = await visitor.get('/pages/secret-4471');
      expectAnswer(first, 200, previous('none'));
      await expectOnlySessionId(t, first, ['secret-4471']);
      expectPageStored(await t.sessionOf(visitor), 'secret-4471');
      const second = await visitor.get('/pages/hidden-8093');
      expectAnswer(second, 200, previous('/pages/secret-4471'));
      await expectOnlySessionId(t, second, ['secret-4471', 'hidden-8093']);
      expectPageStored(await t.sessionOf(visitor), 'hidden-8093');
    },
  },
  storeFollowed({
    id: 'last-page/page-from-store',
    title: 'Shows the page the session store holds as the previous one',
    level: 'hard',
    points: 2,
    hint: 'Read the last page from `req.session` at every visit: a copy kept anywhere else (a variable of the module, a map by session ID) does not follow the session store.',
    what: 'the last page',
    store: [
      { get: '/pages/home', answer: previous('none') },
      { get: '/pages/news-2214', answer: previous('/pages/home') },
    ],
    // The page as the lesson stores it (`req.path`), or by its name alone.
    swap: [
      ['/pages/news-2214', '/pages/shop-6620'],
      ['news-2214', 'shop-6620'],
    ],
    follow: [
      { get: '/pages/about', answer: previous('/pages/shop-6620') },
      { get: '/pages/home', answer: previous('/pages/about') },
    ],
  }),
]);
