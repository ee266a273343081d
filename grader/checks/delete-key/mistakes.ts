import { knownMistakes } from '../../checking/mistake.js';

export default knownMistakes([
  {
    id: 'clears-cookie-only',
    title: 'logout only tells the browser to drop its cookie; the server still has the user',
    hint: 'Clearing the cookie only asks the browser to forget it: the session on the server still names the user, and anyone who kept the cookie is still logged in. Remove the user\'s key from the session itself.',
    fails: ['delete-key/language-survives', 'delete-key/replay-after-logout', 'delete-key/removed-from-store', 'delete-key/session-kept', 'delete-key/logout-guest-stores-nothing'],
  },
  {
    id: 'destroys-session',
    title: 'logout destroys the whole session, and the chosen language goes with it',
    hint: 'Logging out here removes one key, not the session: take out only the username and leave the rest (the language, the session ID) as it was.',
    fails: ['delete-key/language-survives', 'delete-key/removed-from-store', 'delete-key/session-kept'],
  },
  {
    id: 'throws-when-missing',
    title: 'logout insists the username exists, like Django\'s KeyError, and fails for a guest',
    hint: 'A guest may log out too: removing a key the session does not have is harmless in JavaScript, so do not require it to be there first.',
    fails: ['delete-key/logout-nobody', 'delete-key/logout-guest-stores-nothing'],
    evidence: (seen) => seen.threw(/./, 'POST /logout'),
  },
  {
    id: 'sets-null',
    title: 'logout sets the username to null, and the key stays in the store',
    hint: 'A key set to null (or to \'\') is still in the session, and the store keeps it: the greeting looks right, but the session still says someone had a name here. Remove the key itself with `delete req.session.username`.',
    fails: ['delete-key/removed-from-store', 'delete-key/logout-guest-stores-nothing'],
  },
  {
    id: 'regenerates-and-merges',
    title: 'logout regenerates the session and copies the rest back, so the visitor gets a new session ID',
    hint: 'Deleting one key needs no new session: regenerating hands out a new ID, and saving on the way out stores a session even for a guest. Delete the key and answer; express-session saves the change under the same ID.',
    fails: ['delete-key/session-kept', 'delete-key/logout-guest-stores-nothing'],
  },
  {
    id: 'null-then-regenerate',
    title: 'logout saves and regenerates the session, so the language goes and the visitor gets a new session ID',
    hint: 'Regenerating hands out a new, empty session: everything else the visitor had is gone and the ID changes. Logging out here only has to take the username\'s key out of the session the visitor already has.',
    fails: ['delete-key/language-survives', 'delete-key/session-kept', 'delete-key/logout-guest-stores-nothing'],
    evidence: (seen) => seen.newSession('POST /logout'),
    also: ['deletes-then-regenerates'],
  },
  {
    id: 'copy-kept-beside-session',
    title: 'the username kept in a map of the module\'s own, keyed by session ID, with a copy in the session that is never read back',
    hint: 'The session store is the one place the username lives: read it from `req.session` in `whoami`, instead of keeping a copy beside it that never learns what the store holds.',
    fails: ['delete-key/username-from-store'],
    evidence: (seen) => seen.noted('answered-from-a-copy'),
  },
]);
