import { knownMistakes } from '../../checking/mistake.js';

export default knownMistakes([
  {
    id: 'clear-cookie-only',
    title: 'logout only tells the browser to drop its cookie; the server still has the session, and a copy of the cookie still logs in',
    hint: 'Clearing the cookie only asks the browser to forget it: end the session on the server too, or a copy of the cookie still logs in.',
    fails: ['logout/session-gone-from-store', 'logout/replay-after-logout', 'logout/language-gone'],
  },
  {
    id: 'clears-whole-store',
    title: 'logout empties the whole session store, which logs every visitor out, not just this one',
    hint: 'The store holds every visitor\'s session: end only this visitor\'s, through `req.session`.',
    fails: ['logout/visitors-apart', 'logout/tampered-cookie'],
  },
  {
    id: 'deletes-username-only',
    title: 'logout deletes only the username key (as in delete-key), so the session and its language stay',
    hint: 'Logging out ends the whole session here, not one key: destroy it, so that the language goes too and the store forgets it.',
    fails: ['logout/session-gone-from-store', 'logout/language-gone'],
  },
  {
    id: 'destroy-only',
    title: 'logout destroys the session but leaves the dead connect.sid cookie in the browser',
    hint: 'Once the session is destroyed, also tell the browser to drop the session cookie, under the name express-session gave it.',
    fails: ['logout/cookie-cleared'],
    also: ['cookie-left-after-destroy'],
  },
  {
    id: 'django-cookie-name',
    title: 'logout destroys the session but clears a cookie under Django\'s name, sessionid, so connect.sid stays in the browser',
    hint: 'Clear the cookie under the name it really has: express-session names its cookie itself, and a cookie of another name is not the session\'s.',
    fails: ['logout/cookie-cleared'],
    evidence: (seen) => seen.cookieOfItsOwn('POST /logout'),
  },
  {
    id: 'session-null',
    title: 'logout sets req.session to null, the cookie-session idiom; express-session then neither destroys the stored session nor touches the cookie',
    hint: 'Setting the session to null is cookie-session\'s way, not express-session\'s: destroy the session through express-session, then clear its cookie.',
    fails: ['logout/logout', 'logout/session-gone-from-store', 'logout/replay-after-logout', 'logout/cookie-cleared', 'logout/language-gone', 'logout/visitors-apart'],
  },
  {
    id: 'regenerates-instead-of-destroying',
    title: 'logout regenerates the session instead of destroying it, so the browser gets a cookie for a new session rather than losing its cookie',
    hint: 'regenerate starts another session and hands out its cookie, even to a guest. To end the session, destroy it and clear the cookie, so that nothing is stored and the browser keeps no ID.',
    fails: ['logout/cookie-cleared', 'logout/logout-guest'],
    evidence: (seen) => seen.newSession('POST /logout'),
  },
  {
    id: 'copy-kept-beside-session',
    title: 'the username kept in a map of the module\'s own, keyed by session ID, with a copy in the session that is never read back',
    hint: 'The session store is the one place the username lives: read it from `req.session` in `whoami`, instead of keeping a copy beside it that never learns what the store holds.',
    fails: ['logout/username-from-store'],
    evidence: (seen) => seen.noted('answered-from-a-copy'),
  },
]);
