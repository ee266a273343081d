import { knownMistakes } from '../../checking/mistake.js';

export default knownMistakes([
  {
    id: 'always-persistent',
    title: 'every login gets a 30-day cookie, whether "remember me" was asked for or not',
    hint: 'Only a login that asks to be remembered gets a lifetime: any other keeps the default session cookie, which ends with the browser.',
    fails: ['remember-me/browser-session-by-default', 'remember-me/visitors-apart'],
  },
  {
    id: 'expires-as-duration',
    title: '`expires` is given a duration instead of a date, so the cookie expired in January 1970 and the browser drops it at once',
    hint: '`expires` is a date, not a duration: give the lifetime as a duration to `maxAge` instead, or a date that far ahead.',
    fails: ['remember-me/remembered-survives-restart', 'remember-me/visitors-apart', 'remember-me/data-on-server', 'remember-me/tampered-cookie', 'remember-me/lasts-30-days'],
  },
  {
    id: 'expiry-set-in-whoami',
    title: 'login only notes the wish, and whoami sets the expiry on every request, where express-session never sends the cookie again',
    hint: 'Give the session cookie its lifetime at login, when "remember me" is asked for: that is the response that sends the cookie.',
    fails: ['remember-me/remembered-survives-restart', 'remember-me/visitors-apart', 'remember-me/lasts-30-days'],
  },
  {
    id: 'max-age-in-seconds',
    title: '`maxAge` given in seconds, as in the Max-Age attribute, so the cookie lasts 43 minutes instead of 30 days',
    hint: '`maxAge` counts milliseconds, not seconds as the cookie\'s Max-Age attribute does: count the 30 days in milliseconds.',
    fails: ['remember-me/remembered-survives-restart', 'remember-me/lasts-30-days'],
  },
  {
    id: 'never-persistent',
    title: 'the `remember` field is ignored; every login ends when the browser closes',
    hint: 'Look at the `remember` field: when it is "on", give the session cookie a lifetime, so that the browser keeps it after it closes.',
    fails: ['remember-me/remembered-survives-restart', 'remember-me/visitors-apart', 'remember-me/lasts-30-days'],
  },
  {
    id: 'remember-cookie-of-its-own',
    title: '"remember me" sets a 30-day cookie of its own, while the session cookie still ends with the browser',
    hint: 'The session cookie is the one that must last: give it the lifetime, instead of setting a second cookie of your own.',
    fails: ['remember-me/remembered-survives-restart', 'remember-me/visitors-apart', 'remember-me/data-on-server', 'remember-me/lasts-30-days'],
  },
  {
    id: 'copy-kept-beside-session',
    title: 'the username kept in a map of the module\'s own, keyed by session ID, with a copy in the session that is never read back',
    hint: 'The session store is the one place the username lives: read it from `req.session` in `whoami`, instead of keeping a copy beside it that never learns what the store holds.',
    fails: ['remember-me/username-from-store'],
    evidence: (seen) => seen.noted('answered-from-a-copy'),
  },
]);
