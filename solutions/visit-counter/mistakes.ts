import { knownMistakes } from '../../grader/engine/check-language/mistake.js';

const allButSessionKept = ['visit-counter/first-visit', 'visit-counter/counts-up', 'visit-counter/visitors-apart', 'visit-counter/data-on-server', 'visit-counter/count-from-store', 'visit-counter/eleven-visits', 'visit-counter/tampered-cookie'];

export default knownMistakes([
  {
    id: 'count-in-cookie',
    title: 'the count travels in a cookie of its own instead of the session',
    hint: 'Keep the count in `req.session`, on the server: a cookie of your own sends it to the browser, which can change it.',
    fails: ['visit-counter/data-on-server', 'visit-counter/tampered-cookie', 'visit-counter/count-from-store', 'visit-counter/session-kept'],
    evidence: (seen) => seen.showedOwnCookie('GET /visits'),
    lookalikes: ['hand-rolled-session'],
  },
  {
    id: 'module-counter',
    title: 'one counter kept in a variable of the module, which every visitor shares',
    hint: 'A variable of the module is one counter for the whole server: keep each visitor\'s count in their own session.',
    fails: ['visit-counter/counts-up', 'visit-counter/visitors-apart', 'visit-counter/data-on-server', 'visit-counter/tampered-cookie', 'visit-counter/count-from-store', 'visit-counter/session-kept'],
    // A browser with no cookie at all can only be shown a count above 1 that other visitors made.
    evidence: (seen) => seen.answeredNewVisitor(/visited this page (?:[2-9]|\d{2,}) times/, 'GET /visits'),
    noLookalike: 'A visitor with no cookie at all shown a count above 1 is counted with the visitors before, which is a count shared by the whole server however it is kept.',
  },
  {
    id: 'not-stored-back',
    title: 'the new count is computed but never written back into the session',
    hint: 'Adding one to the count you read changes nothing in the session: store the new count back before answering.',
    fails: ['visit-counter/counts-up', 'visit-counter/data-on-server', 'visit-counter/eleven-visits', 'visit-counter/tampered-cookie', 'visit-counter/count-from-store', 'visit-counter/session-kept'],
    // Nothing of the learner's ever written (a count written under another key is key-mismatch's),
    // no session destroyed (a regenerate drops the count too), and every count shown 1, counted
    // from nothing each time (a counter of the module's stores nothing either, but counts on).
    evidence: (seen) =>
      seen.answeredWithoutStoring('GET /visits') &&
      !seen.stored(() => true, 'GET /visits') &&
      !seen.asked('destroy', 'GET /visits') &&
      !seen.answered(/visited this page (?!1 times)\S+ times/, 'GET /visits'),
    lookalikes: ['regenerates-each-visit'],
  },
  {
    id: 'shows-old-count',
    title: 'the count shown is the one before this visit (the course\'s "forgetting to add 1")',
    hint: 'Count this visit first, then answer with the new count: a first visit counts 1 (`n = count++` gives the count from before).',
    fails: allButSessionKept,
    also: ['post-increment'],
    // One less than a first visit's 1: the count from before the visit, not NaN or another wording.
    evidence: (seen) => seen.answeredNewVisitor(/visited this page 0 times/, 'GET /visits'),
    lookalikes: ['no-default', 'answer-worded-otherwise'],
  },
  {
    id: 'copy-kept-beside-session',
    title: 'the count kept in a map of the module\'s own, keyed by session ID, with a copy in the session that is never read back',
    hint: 'The session store is the one place the count lives: read it from `req.session` at every visit, instead of keeping a copy beside it that never learns what the store holds.',
    fails: ['visit-counter/count-from-store'],
    evidence: (seen) => seen.noted('answered-from-a-copy'),
    lookalikes: ['count-capped'],
  },
  {
    id: 'no-default',
    title: 'the count is read without a default, so a first visit adds 1 to nothing and shows "NaN"',
    hint: 'A key the session does not have reads as `undefined`, and `undefined + 1` is `NaN`: start from 0 when the session has no count yet, as the lesson does with `??`.',
    fails: allButSessionKept,
    evidence: (seen) => seen.answered(/\bNaN\b/, 'GET /visits'),
    lookalikes: ['shows-old-count', 'answer-worded-otherwise'],
  },
  {
    id: 'key-mismatch',
    title: 'the count is stored under one key and read from another (a typo?), so every visit counts 1 again',
    hint: 'Look at the key you write the count to and the key you read it from in `countVisit`: they must be the same name, letter for letter.',
    fails: ['visit-counter/counts-up', 'visit-counter/data-on-server', 'visit-counter/count-from-store', 'visit-counter/eleven-visits', 'visit-counter/tampered-cookie'],
    evidence: (seen) => seen.answeredAsNewAfterStoring('GET /visits'),
    lookalikes: ['count-as-text'],
  },
]);
