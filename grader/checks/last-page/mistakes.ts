import { knownMistakes } from '../../checking/mistake.js';

export default knownMistakes([
  {
    id: 'module-variable',
    title: 'the last page kept in a variable of the module, which every visitor shares',
    hint: 'A variable of the module is one for the whole server: keep each visitor\'s last page in their own session.',
    fails: ['last-page/shows-previous', 'last-page/follows-pages', 'last-page/visitors-apart', 'last-page/data-on-server', 'last-page/page-from-store', 'last-page/tampered-cookie', 'last-page/session-kept'],
  },
  {
    id: 'only-first-page',
    title: 'the page is stored only when none is stored yet, so the first page sticks forever',
    hint: 'The last page changes at every visit: store the current page every time, not only when the session has none yet.',
    fails: ['last-page/follows-pages', 'last-page/visitors-apart', 'last-page/data-on-server', 'last-page/page-from-store', 'last-page/tampered-cookie'],
  },
  {
    id: 'page-in-cookie',
    title: 'the last page travels in a cookie of its own instead of the session',
    hint: 'Keep the last page in `req.session`, on the server: a cookie of your own sends it to the browser, which can change it.',
    fails: ['last-page/data-on-server', 'last-page/page-from-store', 'last-page/tampered-cookie', 'last-page/session-kept'],
  },
  {
    id: 'set-before-get',
    title: 'the current page is stored before the old one is read, so the previous page is lost',
    hint: 'Order matters: read the previous page out of the session before you store the current one over it.',
    fails: ['last-page/first-visit', 'last-page/shows-previous', 'last-page/follows-pages', 'last-page/visitors-apart', 'last-page/data-on-server', 'last-page/page-from-store', 'last-page/tampered-cookie'],
  },
  {
    id: 'copy-kept-beside-session',
    title: 'the last page kept in a map of the module\'s own, keyed by session ID, with a copy in the session that is never read back',
    hint: 'The session store is the one place the last page lives: read it from `req.session` at every visit, instead of keeping a copy beside it that never learns what the store holds.',
    fails: ['last-page/page-from-store'],
    evidence: (seen) => seen.noted('answered-from-a-copy'),
  },
]);
