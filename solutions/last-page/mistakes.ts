import { knownMistakes } from '../../grader/engine/check-language/mistake.js';

const allButSessionKept = ['last-page/first-visit', 'last-page/shows-previous', 'last-page/follows-pages', 'last-page/visitors-apart', 'last-page/data-on-server', 'last-page/page-from-store', 'last-page/tampered-cookie'];

export default knownMistakes([
  {
    id: 'module-variable',
    title: 'the last page kept in a variable of the module, which every visitor shares',
    hint: 'A variable of the module is one for the whole server: keep each visitor\'s last page in their own session.',
    fails: ['last-page/shows-previous', 'last-page/follows-pages', 'last-page/visitors-apart', 'last-page/data-on-server', 'last-page/page-from-store', 'last-page/tampered-cookie', 'last-page/session-kept'],
    evidence: (seen) => seen.showedAnotherVisitorsPath(),
    lookalikes: ['never-stored'],
  },
  {
    id: 'only-first-page',
    title: 'the page is stored only when none is stored yet, so the first page sticks forever',
    hint: 'The last page changes at every visit: store the current page every time, not only when the session has none yet.',
    fails: ['last-page/follows-pages', 'last-page/visitors-apart', 'last-page/data-on-server', 'last-page/page-from-store', 'last-page/tampered-cookie'],
    evidence: (seen) => seen.showedStalePath('GET'),
    lookalikes: ['read-once'],
  },
  {
    id: 'page-in-cookie',
    title: 'the last page travels in a cookie of its own instead of the session',
    hint: 'Keep the last page in `req.session`, on the server: a cookie of your own sends it to the browser, which can change it.',
    fails: ['last-page/data-on-server', 'last-page/page-from-store', 'last-page/tampered-cookie', 'last-page/session-kept'],
    evidence: (seen) => seen.showedOwnCookie('GET'),
    lookalikes: ['hand-rolled-session'],
  },
  {
    id: 'set-before-get',
    title: 'the current page is stored before the old one is read, so the previous page is lost',
    hint: 'Order matters: read the previous page out of the session before you store the current one over it.',
    fails: allButSessionKept,
    evidence: (seen) => seen.showedOwnPath('GET'),
    lookalikes: ['no-default', 'default-in-other-words'],
  },
  {
    id: 'copy-kept-beside-session',
    title: 'the last page kept in a map of the module\'s own, keyed by session ID, with a copy in the session that is never read back',
    hint: 'The session store is the one place the last page lives: read it from `req.session` at every visit, instead of keeping a copy beside it that never learns what the store holds.',
    fails: ['last-page/page-from-store'],
    evidence: (seen) => seen.noted('answered-from-a-copy'),
    lookalikes: ['trusts-only-served-pages'],
  },
  {
    id: 'no-default',
    title: 'the previous page is shown without a default, so a first visit reads "undefined"',
    hint: 'A key the session does not have reads as `undefined`: give the previous page a default with `??`, as the lesson does with "none".',
    fails: allButSessionKept,
    evidence: (seen) => seen.answered(/\bundefined\b/, 'GET'),
    lookalikes: ['set-before-get', 'default-in-other-words'],
  },
  {
    id: 'key-mismatch',
    title: 'the page is stored under one key and read from another (a typo?), so every visit shows none',
    hint: 'Look at the key you write the page to and the key you read it from in `visitPage`: they must be the same name, letter for letter.',
    fails: ['last-page/shows-previous', 'last-page/follows-pages', 'last-page/visitors-apart', 'last-page/data-on-server', 'last-page/page-from-store', 'last-page/tampered-cookie'],
    evidence: (seen) => seen.answeredAsNewAfterStoring('GET'),
    lookalikes: ['name-shown'],
  },
]);
