import { knownMistakes } from '../../checking/mistake.js';

export default knownMistakes([
  {
    id: 'blank-accepted',
    title: 'only a missing color is refused; a color of spaces replaces the saved one',
    hint: 'A color of only spaces is as good as none: refuse it as you refuse a missing one, before the session is touched.',
    fails: ['favorite-color/blank-changes-nothing'],
  },
  {
    id: 'color-in-cookie',
    title: 'the color itself is sent to the browser in a cookie of its own',
    hint: 'Let express-session handle the cookie: keep the color in `req.session`, on the server, and the browser gets only the signed session ID.',
    fails: ['favorite-color/data-on-server', 'favorite-color/tampered-cookie', 'favorite-color/color-from-store', 'favorite-color/session-kept'],
  },
  {
    id: 'default-written-on-read',
    title: 'reading the color writes the default into the session, so every passer-by gets one',
    hint: 'Showing only reads: put the default in the answer without writing it into the session, or every passer-by gets a stored session and a cookie.',
    fails: ['favorite-color/read-stores-nothing'],
  },
  {
    id: 'module-variable',
    title: 'the color is kept in a variable of the module, which every visitor shares',
    hint: 'A variable of the module is one for the whole server, shared by every visitor: keep the color in `req.session`, which is each browser\'s own.',
    fails: ['favorite-color/visitors-apart', 'favorite-color/data-on-server', 'favorite-color/read-stores-nothing', 'favorite-color/tampered-cookie', 'favorite-color/color-from-store', 'favorite-color/session-kept'],
  },
  {
    id: 'session-set-method',
    title: 'a call to a `set()` method on the session, as in the course\'s quiz: there is none, so it throws',
    hint: '`req.session` has no `set()` method: it is an object whose properties you assign and read like any other.',
    fails: ['favorite-color/set-then-get', 'favorite-color/blank-changes-nothing', 'favorite-color/visitors-apart', 'favorite-color/data-on-server', 'favorite-color/change-color', 'favorite-color/tampered-cookie', 'favorite-color/color-from-store', 'favorite-color/session-kept'],
    evidence: (seen) => seen.threw('req.session.set is not a function'),
  },
  {
    id: 'never-stored',
    title: 'saving answers "Color saved" but never puts the color in the session',
    hint: 'Saving must write the color into `req.session`: answering is not storing, and the next request reads only what the session holds.',
    fails: ['favorite-color/set-then-get', 'favorite-color/blank-changes-nothing', 'favorite-color/visitors-apart', 'favorite-color/data-on-server', 'favorite-color/change-color', 'favorite-color/tampered-cookie', 'favorite-color/color-from-store', 'favorite-color/session-kept'],
  },
  {
    id: 'regenerates-on-save',
    title: 'saving a color regenerates the session, so every save hands out a new session ID',
    hint: 'Regenerating is for a login, where the visitor\'s rights change. Storing a color changes one key: assign it to `req.session` and express-session keeps the same session.',
    fails: ['favorite-color/session-kept'],
  },
  {
    id: 'hand-rolled-session',
    title: 'a session made by hand, a store in a variable of the module and a cookie of its own, beside req.session',
    hint: 'express-session already gives every visitor a signed session ID and a store behind it, and starts a session only when something is saved: keep the color in `req.session` and let it handle the cookie.',
    fails: ['favorite-color/data-on-server', 'favorite-color/read-stores-nothing', 'favorite-color/session-kept', 'favorite-color/tampered-cookie', 'favorite-color/color-from-store'],
  },
  {
    id: 'copy-kept-beside-session',
    title: 'the color kept in a map of the module\'s own, keyed by session ID, with a copy in the session that is never read back',
    hint: 'The session store is the one place the color lives: read it from `req.session` when showing it, instead of keeping a copy beside it that never learns what the store holds.',
    fails: ['favorite-color/color-from-store'],
    evidence: (seen) => seen.noted('answered-from-a-copy'),
  },
]);
