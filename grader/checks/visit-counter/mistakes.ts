import { knownMistakes } from '../../checking/mistake.js';

export default knownMistakes([
  {
    id: 'count-in-cookie',
    title: 'the count travels in a cookie of its own instead of the session',
    hint: 'Keep the count in `req.session`, on the server: a cookie of your own sends it to the browser, which can change it.',
    fails: ['visit-counter/data-on-server', 'visit-counter/tampered-cookie', 'visit-counter/count-from-store', 'visit-counter/session-kept'],
  },
  {
    id: 'module-counter',
    title: 'one counter kept in a variable of the module, which every visitor shares',
    hint: 'A variable of the module is one counter for the whole server: keep each visitor\'s count in their own session.',
    fails: ['visit-counter/counts-up', 'visit-counter/visitors-apart', 'visit-counter/data-on-server', 'visit-counter/tampered-cookie', 'visit-counter/count-from-store', 'visit-counter/session-kept'],
  },
  {
    id: 'not-stored-back',
    title: 'the new count is computed but never written back into the session',
    hint: 'Adding one to the count you read changes nothing in the session: store the new count back before answering.',
    fails: ['visit-counter/counts-up', 'visit-counter/data-on-server', 'visit-counter/eleven-visits', 'visit-counter/tampered-cookie', 'visit-counter/count-from-store', 'visit-counter/session-kept'],
  },
  {
    id: 'shows-old-count',
    title: 'the count shown is the one before this visit (the course\'s "forgetting to add 1")',
    hint: 'Count this visit first, then answer with the new count: a first visit counts 1 (`n = count++` gives the count from before).',
    fails: ['visit-counter/first-visit', 'visit-counter/counts-up', 'visit-counter/visitors-apart', 'visit-counter/eleven-visits', 'visit-counter/data-on-server', 'visit-counter/tampered-cookie', 'visit-counter/count-from-store'],
    also: ['post-increment'],
  },
  {
    id: 'copy-kept-beside-session',
    title: 'the count kept in a map of the module\'s own, keyed by session ID, with a copy in the session that is never read back',
    hint: 'The session store is the one place the count lives: read it from `req.session` at every visit, instead of keeping a copy beside it that never learns what the store holds.',
    fails: ['visit-counter/count-from-store'],
    evidence: (seen) => seen.noted('answered-from-a-copy'),
  },
]);
