import { knownMistakes } from '../../checking/mistake.js';

export default knownMistakes([
  {
    id: 'destroys-session',
    title: 'showing the message destroys the whole session (Django\'s flush), and the chosen language goes with it',
    hint: 'Showing the message removes the message only: take out its one key and leave the rest of the session (the language) as it was.',
    fails: ['flash-message/rest-of-session-kept', 'flash-message/read-stores-nothing', 'flash-message/session-kept'],
  },
  {
    id: 'emptied-not-removed',
    title: 'the message "removed" by storing an empty string on every read, so the key stays in the store and a passer-by gets a session',
    hint: 'An empty string is still a value in the store: remove the message\'s key itself once it is shown, and write nothing when there is no message.',
    fails: ['flash-message/removed-from-store', 'flash-message/read-stores-nothing'],
  },
  {
    id: 'message-in-cookie',
    title: 'the message travels in a cookie of its own instead of the session',
    hint: 'Keep the message in `req.session`, on the server: a cookie of your own shows it to the browser and lets anyone change it.',
    fails: ['flash-message/removed-from-store', 'flash-message/data-on-server', 'flash-message/message-from-store', 'flash-message/tampered-cookie', 'flash-message/session-kept'],
  },
  {
    id: 'module-variable',
    title: 'the message kept in a variable of the module, which every visitor shares',
    hint: 'A variable of the module holds one message for the whole server: keep each visitor\'s message in their own session.',
    fails: ['flash-message/removed-from-store', 'flash-message/visitors-apart', 'flash-message/data-on-server', 'flash-message/read-stores-nothing', 'flash-message/message-from-store', 'flash-message/tampered-cookie', 'flash-message/session-kept'],
  },
  {
    id: 'never-removed',
    title: 'the message is read but never removed, so it is shown on every request',
    hint: 'A flash message is shown once: once read, remove it from the session in the same request.',
    fails: ['flash-message/shown-once', 'flash-message/removed-from-store', 'flash-message/rest-of-session-kept', 'flash-message/visitors-apart', 'flash-message/message-from-store', 'flash-message/replace-message'],
  },
  {
    id: 'removed-before-read',
    title: 'the key is deleted before it is read, so the message is never shown',
    hint: 'Read first, remove after: keep the message in a local variable of the handler before removing its key, and answer with that.',
    fails: ['flash-message/set-then-show', 'flash-message/shown-once', 'flash-message/removed-from-store', 'flash-message/rest-of-session-kept', 'flash-message/visitors-apart', 'flash-message/message-from-store', 'flash-message/missing-message', 'flash-message/replace-message', 'flash-message/tampered-cookie'],
  },
  {
    id: 'set-to-null',
    title: 'the shown message is set to null instead of deleted, so its key stays in the store',
    hint: '`null` is still a value, and the store keeps its key: remove the key itself, so that the session holds no trace of the message.',
    fails: ['flash-message/removed-from-store'],
  },
  {
    id: 'list-per-type',
    title: 'messages are pushed onto a list, so a new one joins the one not yet shown, and reading leaves an empty container in the session',
    hint: 'A flash here is one message: a new one replaces the old, and reading it removes its key from the session entirely. A read that finds nothing should not write anything either.',
    fails: ['flash-message/removed-from-store', 'flash-message/read-stores-nothing', 'flash-message/replace-message'],
  },
  {
    id: 'copy-kept-beside-session',
    title: 'the message kept in a map of the module\'s own, keyed by session ID, with a copy in the session that is never read back',
    hint: 'The session store is the one place the message lives: read it from `req.session` when showing it, instead of keeping a copy beside it that never learns what the store holds.',
    fails: ['flash-message/message-from-store'],
    evidence: (seen) => seen.noted('answered-from-a-copy'),
  },
]);
