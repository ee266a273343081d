import { knownMistakes } from '../../grader/engine/check-language/mistake.js';
import type { Exchange } from '../../grader/engine/check-language/visitor.js';

const day = 24 * 60 * 60 * 1000;

/** A login that asked to be remembered: the ticked checkbox sends "on". */
const remembered = (exchange: Exchange): boolean => exchange.fields?.remember === 'on';

export default knownMistakes([
  {
    id: 'always-persistent',
    title: 'every login gets a 30-day cookie, whether "remember me" was asked for or not',
    hint: 'Only a login that asks to be remembered gets a lifetime: any other keeps the default session cookie, which ends with the browser.',
    fails: ['remember-me/browser-session-by-default', 'remember-me/visitors-apart'],
    // A login that did not ask to be remembered got a session cookie of 30 days (a day either way).
    evidence: (seen) => seen.gaveSessionCookie(({ lifetimeMs }, exchange) => !remembered(exchange) && lifetimeMs !== null && Math.abs(lifetimeMs - 30 * day) <= day, 'POST /login'),
    lookalikes: ['one-hour-otherwise'],
  },
  {
    id: 'expires-as-duration',
    title: '`expires` is given a duration instead of a date, so the cookie expired in January 1970 and the browser drops it at once',
    hint: '`expires` is a date, not a duration: give the lifetime as a duration to `maxAge` instead, or a date that far ahead.',
    fails: ['remember-me/remembered-survives-restart', 'remember-me/visitors-apart', 'remember-me/data-on-server', 'remember-me/tampered-cookie', 'remember-me/lasts-30-days'],
    evidence: (seen) => seen.gaveSessionCookie(({ expiresAt }) => expiresAt !== null && expiresAt < Date.UTC(1971, 0, 1), 'POST /login'),
    lookalikes: ['expires-30-days-ago'],
  },
  {
    id: 'expiry-set-in-whoami',
    title: 'login only notes the wish in the session, and the cookie it sends has no lifetime (is the expiry set later, in whoami, where express-session never sends the cookie again?)',
    hint: 'Give the session cookie its lifetime at login, when "remember me" is asked for: that is the response that sends the cookie.',
    fails: ['remember-me/remembered-survives-restart', 'remember-me/visitors-apart', 'remember-me/lasts-30-days'],
    // A remembered login got a browser-session cookie, and stored the username with something beside it: the wish.
    evidence: (seen) =>
      seen.gaveSessionCookie(({ expiresAt }, exchange) => remembered(exchange) && expiresAt === null, 'POST /login') &&
      seen.storedWhileAnswering((value, _key, exchange) => remembered(exchange) && value === exchange.fields?.username, 'POST /login') &&
      seen.storedWhileAnswering((value, _key, exchange) => remembered(exchange) && value !== exchange.fields?.username, 'POST /login'),
    lookalikes: ['never-persistent'],
  },
  {
    id: 'max-age-in-seconds',
    title: '`maxAge` given in seconds, as in the Max-Age attribute, so the cookie lasts 43 minutes instead of 30 days',
    hint: '`maxAge` counts milliseconds, not seconds as the cookie\'s Max-Age attribute does: count the 30 days in milliseconds.',
    fails: ['remember-me/remembered-survives-restart', 'remember-me/lasts-30-days'],
    // 30 days counted in seconds and read as milliseconds: 2,592,000 ms, 43 minutes (a minute either way).
    evidence: (seen) => seen.gaveSessionCookie(({ lifetimeMs }, exchange) => remembered(exchange) && lifetimeMs !== null && Math.abs(lifetimeMs - 30 * 24 * 60 * 60) <= 60_000, 'POST /login'),
    lookalikes: ['one-hour-remembered'],
  },
  {
    id: 'never-persistent',
    title: 'a login that asks to be remembered still gets a cookie that ends with the browser: the `remember` field is ignored, or compared with something a checkbox does not send',
    hint: 'Look at the `remember` field: a ticked checkbox sends the text "on". Then give the session cookie a lifetime, so that the browser keeps it after it closes.',
    fails: ['remember-me/remembered-survives-restart', 'remember-me/visitors-apart', 'remember-me/lasts-30-days'],
    also: ['remember-compared-to-true'],
    // A remembered login got a browser-session cookie, and did nothing a login that is not remembered does not:
    // no cookie of its own, nothing stored beside the username.
    evidence: (seen) =>
      seen.gaveSessionCookie(({ expiresAt }, exchange) => remembered(exchange) && expiresAt === null, 'POST /login') &&
      !seen.cookieOfItsOwn('POST /login') &&
      !seen.storedWhileAnswering((value, _key, exchange) => remembered(exchange) && value !== exchange.fields?.username, 'POST /login'),
    lookalikes: ['expiry-set-in-whoami'],
  },
  {
    id: 'remember-cookie-of-its-own',
    title: '"remember me" sets a cookie of its own, while the session cookie still ends with the browser',
    hint: 'The session cookie is the one that must last: give it the lifetime, instead of setting a second cookie of your own.',
    fails: ['remember-me/remembered-survives-restart', 'remember-me/visitors-apart', 'remember-me/data-on-server', 'remember-me/lasts-30-days'],
    evidence: (seen) => seen.cookieOfItsOwn('POST /login'),
    lookalikes: ['remembered-in-module-map'],
  },
  {
    id: 'copy-kept-beside-session',
    title: 'the username kept in a map of the module\'s own, keyed by session ID, with a copy in the session that is never read back',
    hint: 'The session store is the one place the username lives: read it from `req.session` in `whoami`, instead of keeping a copy beside it that never learns what the store holds.',
    fails: ['remember-me/username-from-store'],
    evidence: (seen) => seen.noted('answered-from-a-copy'),
    lookalikes: ['greets-by-first-name'],
  },
  {
    id: 'no-default',
    title: 'the username is shown without a default, so a visitor nobody logged in reads "Hello, undefined"',
    hint: 'A key the session does not have reads as `undefined`: give the greeting a default with `??`, as the lesson does with "guest".',
    fails: ['remember-me/guest-default', 'remember-me/browser-session-by-default', 'remember-me/visitors-apart', 'remember-me/read-stores-nothing', 'remember-me/tampered-cookie', 'remember-me/lasts-30-days'],
    evidence: (seen) => seen.answered(/\bundefined\b/, 'GET /whoami'),
    lookalikes: ['guest-in-other-words'],
  },
  {
    id: 'key-mismatch',
    title: 'the username is stored under one key and read from another (a typo?), so a logged-in visitor is greeted as a guest',
    hint: 'Look at the key you write in `login` and the key you read in `whoami`: they must be the same name, letter for letter.',
    fails: ['remember-me/login-whoami', 'remember-me/remembered-survives-restart', 'remember-me/username-from-store', 'remember-me/missing-username', 'remember-me/visitors-apart', 'remember-me/lasts-30-days'],
    evidence: (seen) => seen.storedForItsSessionButNotShown('GET /whoami'),
    lookalikes: ['greets-in-capitals'],
  },
  {
    id: 'reads-query',
    title: 'every username sent is refused as missing: it is read from somewhere a form\'s POST does not put it (`req.query`?)',
    hint: 'A form posts its fields in the request\'s body: read the username and `remember` from `req.body`, which the kit parses for you.',
    fails: ['remember-me/login-whoami', 'remember-me/browser-session-by-default', 'remember-me/remembered-survives-restart', 'remember-me/username-from-store', 'remember-me/missing-username', 'remember-me/visitors-apart', 'remember-me/data-on-server', 'remember-me/tampered-cookie', 'remember-me/lasts-30-days'],
    evidence: (seen) => seen.refusedWhatWasSent('username', 'POST /login'),
    lookalikes: ['login-in-other-words'],
  },
]);
