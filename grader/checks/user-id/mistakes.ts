import { knownMistakes } from '../../checking/mistake.js';

export default knownMistakes([
  {
    id: 'copy-without-hash',
    title: 'a copy of the user without the password hash kept in the session, still far more than the id',
    hint: 'Leaving out the hash is not enough: keep only the user\'s id in the session, and look the user up in the directory on each request.',
    fails: ['user-id/only-the-id', 'user-id/user-from-store'],
    evidence: (seen) => seen.stored((_value, key) => key === 'username'),
  },
  {
    id: 'no-password-check',
    title: 'a login that never checks the password: any existing username gets in',
    hint: 'A username that exists proves nothing: check the password against the user\'s record before signing anyone in.',
    fails: ['user-id/wrong-password', 'user-id/failed-login-stores-nothing', 'user-id/missing-fields'],
  },
  {
    id: 'password-unchecked-type',
    title: 'the password field is passed to checkPassword without checking it was sent, which throws when it is missing',
    hint: 'A field that was not sent is undefined: make sure both fields are strings before checking the password, and refuse with 401 otherwise.',
    fails: ['user-id/missing-fields'],
    evidence: (seen) => seen.threw(/./, 'POST /login'),
  },
  {
    id: 'stores-before-checking',
    title: 'the id is stored as soon as the user is found, before the password is checked, and stays there when it is wrong',
    hint: 'Check, then store: put the id in the session only once the password is right, so that a refused login leaves nothing behind.',
    fails: ['user-id/failed-login-stores-nothing', 'user-id/missing-fields'],
  },
  {
    id: 'stores-display-name',
    title: 'the display name is kept next to the id and shown from the session, a copy that goes stale',
    hint: 'The display name belongs to the directory: keep only the id in the session and look the name up on each request, so that it never goes stale.',
    fails: ['user-id/only-the-id', 'user-id/user-from-store'],
  },
  {
    id: 'stores-user-object',
    title: 'the whole user record is kept in the session, password hash included',
    hint: 'The user record carries the password hash: keep only the user\'s id in the session, never the record or a copy of it.',
    fails: ['user-id/no-password-hash', 'user-id/only-the-id', 'user-id/user-from-store'],
  },
  {
    id: 'stores-username',
    title: 'the username typed at login is kept instead of the id, and trusted as the user\'s identity',
    hint: 'Keep the user\'s id and look the user up by it: a name typed at login is not the identity the directory vouches for.',
    fails: ['user-id/only-the-id', 'user-id/data-on-server', 'user-id/user-from-store'],
  },
  {
    id: 'copy-kept-beside-session',
    title: 'the signed-in user kept in a map of the module\'s own, keyed by session ID, beside the user ID in the session, which is never read back',
    hint: 'The session store is where the signed-in user\'s id lives: read the id from `req.session` on each request and look the user up, instead of keeping a copy beside it that never learns what the store holds.',
    fails: ['user-id/user-from-store'],
    evidence: (seen) => seen.noted('answered-from-a-copy'),
  },
]);
