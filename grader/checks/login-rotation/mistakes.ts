import { knownMistakes } from '../../checking/mistake.js';

export default knownMistakes([
  {
    id: 'answers-before-regenerate',
    title: 'the answer is sent right after calling regenerate(), before its callback has run, so the new session is never saved',
    hint: 'Regenerating finishes later, in its callback: set the username and answer there, once the new session exists.',
    fails: ['login-rotation/login-whoami', 'login-rotation/new-id-at-login', 'login-rotation/recent-pages-survive', 'login-rotation/username-from-store', 'login-rotation/old-cookie-not-logged-in', 'login-rotation/old-session-cleared', 'login-rotation/visitors-apart', 'login-rotation/data-on-server', 'login-rotation/tampered-cookie'],
  },
  {
    id: 'loses-recent-pages',
    title: 'the session is regenerated, but the recently viewed pages are not carried over to the new one',
    hint: 'A regenerated session starts empty: take the recently viewed pages from the old session before regenerating, and put them in the new one.',
    fails: ['login-rotation/recent-pages-survive', 'login-rotation/visitors-apart'],
    also: ['pages-not-carried-over'],
  },
  {
    id: 'no-regenerate',
    title: 'the username is added to the session the visitor already had; the ID never changes',
    hint: 'Logging in must give the visitor a new session ID, or an ID planted before the login logs its planter in: regenerate the session at login.',
    fails: ['login-rotation/new-id-at-login', 'login-rotation/old-cookie-not-logged-in', 'login-rotation/old-session-cleared'],
  },
  {
    id: 'regenerates-before-checking',
    title: 'the session is regenerated before the username is checked, so even a refused login changes the ID and stores an empty session',
    hint: 'Check the username first: a refused login must leave the session, its ID and the store as they were.',
    fails: ['login-rotation/missing-username'],
  },
  {
    id: 'username-before-regenerate',
    title: 'the username is set before regenerate(), on the old session, which is then thrown away',
    hint: 'Regenerating throws the old session away, with everything set on it: set the username on the new session, in the callback.',
    fails: ['login-rotation/login-whoami', 'login-rotation/new-id-at-login', 'login-rotation/recent-pages-survive', 'login-rotation/username-from-store', 'login-rotation/old-cookie-not-logged-in', 'login-rotation/old-session-cleared', 'login-rotation/visitors-apart', 'login-rotation/data-on-server'],
  },
  {
    id: 'old-session-put-back',
    title: 'the old session object is put back after regenerate, so the login is saved under the old session ID and the browser\'s new ID finds nothing',
    hint: 'After regenerate, `req.session` is the new session: write the username and the pages onto it, and never bring the old session object back. The old ID must end up holding nothing.',
    fails: ['login-rotation/login-whoami', 'login-rotation/new-id-at-login', 'login-rotation/recent-pages-survive', 'login-rotation/username-from-store', 'login-rotation/old-cookie-not-logged-in', 'login-rotation/old-session-cleared', 'login-rotation/visitors-apart', 'login-rotation/data-on-server'],
    evidence: (seen) => seen.storedUnderDestroyedSession('POST /login'),
  },
  {
    id: 'copy-kept-beside-session',
    title: 'the username kept in a map of the module\'s own, keyed by session ID, with a copy in the session that is never read back',
    hint: 'The session store is the one place the username lives: read it from `req.session` in `whoami`, instead of keeping a copy beside it that never learns what the store holds.',
    fails: ['login-rotation/username-from-store'],
    evidence: (seen) => seen.noted('answered-from-a-copy'),
  },
]);
