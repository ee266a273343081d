import { knownMistakes } from '../../grader/engine/check-language/mistake.js';
import type { Exchange } from '../../grader/engine/check-language/visitor.js';
import { checkPassword, findUserById, findUserByName } from '../../grader/engine/services/users.js';

/** A value of the directory's for some user: what the session must not copy. */
const isUsername = (value: unknown): boolean => typeof value === 'string' && findUserByName(value) !== undefined;
const isDisplayName = (value: unknown): boolean => typeof value === 'string' && [1, 2, 3].some((id) => findUserById(id)?.displayName === value);
const isPasswordHash = (value: unknown): boolean => typeof value === 'string' && [1, 2, 3].some((id) => findUserById(id)?.passwordHash === value);

/** The user a login request named, when the directory has one. */
const userNamedBy = (exchange: Exchange) => (exchange.fields?.username === undefined ? undefined : findUserByName(exchange.fields.username));

/** Whether a login request sent the right password for the user it named. */
function rightPassword(exchange: Exchange): boolean {
  const user = userNamedBy(exchange);
  const password = exchange.fields?.password;
  return user !== undefined && typeof password === 'string' && checkPassword(user, password);
}

/** A value that is the id of the user the request named, as a number or as text. */
function isIdNamedBy(value: unknown, exchange: Exchange): boolean {
  const user = userNamedBy(exchange);
  return user !== undefined && (value === user.id || value === String(user.id));
}

const isLogin = (exchange: Exchange): boolean => exchange.method === 'POST' && exchange.path === '/login';

export default knownMistakes([
  {
    id: 'copy-without-hash',
    title: 'a copy of the user without the password hash kept in the session, still far more than the id',
    hint: 'Leaving out the hash is not enough: keep only the user\'s id in the session, and look the user up in the directory on each request.',
    fails: ['user-id/only-the-id', 'user-id/user-from-store'],
    evidence: (seen) => seen.stored(isUsername, 'POST /login') && seen.stored(isDisplayName, 'POST /login') && !seen.stored(isPasswordHash, 'POST /login'),
    lookalikes: ['stores-display-name'],
  },
  {
    id: 'no-password-check',
    title: 'a login that never checks the password: any existing username gets in',
    hint: 'A username that exists proves nothing: check the password against the user\'s record before signing anyone in.',
    fails: ['user-id/wrong-password', 'user-id/failed-login-stores-nothing', 'user-id/missing-fields'],
    // A user of the directory signed in with a password that is not theirs: the login wrote who they are.
    evidence: (seen) => seen.storedWhileAnswering((value, _key, exchange) => isLogin(exchange) && userNamedBy(exchange) !== undefined && !rightPassword(exchange) && (isIdNamedBy(value, exchange) || isUsername(value)), 'POST /login'),
    lookalikes: ['refuses-with-403'],
  },
  {
    id: 'password-unchecked-type',
    title: 'the password field is passed to checkPassword without checking it was sent, which throws when it is missing',
    hint: 'A field that was not sent is undefined: make sure both fields are strings before checking the password, and refuse with 401 otherwise.',
    fails: ['user-id/missing-fields'],
    // What hashing a password that is not a string throws, inside checkPassword.
    evidence: (seen) => seen.threw(/The "data" argument must be of type string/, 'POST /login'),
    lookalikes: ['missing-field-400'],
  },
  {
    id: 'stores-before-checking',
    title: 'the id is stored as soon as the user is found, before the password is checked, and stays there when it is wrong',
    hint: 'Check, then store: put the id in the session only once the password is right, so that a refused login leaves nothing behind.',
    fails: ['user-id/failed-login-stores-nothing', 'user-id/missing-fields'],
    evidence: (seen) => seen.storedWhileAnswering((value, _key, exchange) => exchange.status === 401 && isIdNamedBy(value, exchange), 'POST /login'),
    lookalikes: ['signs-out-on-refusal'],
  },
  {
    id: 'stores-display-name',
    title: 'the display name is kept next to the id and shown from the session, a copy that goes stale',
    hint: 'The display name belongs to the directory: keep only the id in the session and look the name up on each request, so that it never goes stale.',
    fails: ['user-id/only-the-id', 'user-id/user-from-store'],
    evidence: (seen) => seen.stored(isDisplayName, 'POST /login') && !seen.stored(isUsername, 'POST /login') && seen.noted('showed-the-user-replaced'),
    lookalikes: ['copy-without-hash'],
  },
  {
    id: 'stores-user-object',
    title: 'the whole user record is kept in the session, password hash included',
    hint: 'The user record carries the password hash: keep only the user\'s id in the session, never the record or a copy of it.',
    fails: ['user-id/no-password-hash', 'user-id/only-the-id', 'user-id/user-from-store'],
    evidence: (seen) => seen.stored(isPasswordHash, 'POST /login') && seen.stored(isUsername, 'POST /login') && seen.stored(isDisplayName, 'POST /login'),
    lookalikes: ['keeps-password-and-name'],
  },
  {
    id: 'stores-username',
    title: 'the username typed at login is kept instead of the id, and trusted as the user\'s identity',
    hint: 'Keep the user\'s id and look the user up by it: a name typed at login is not the identity the directory vouches for.',
    fails: ['user-id/only-the-id', 'user-id/data-on-server', 'user-id/user-from-store'],
    evidence: (seen) => seen.storedWhileAnswering((value, _key, exchange) => exchange.status === 200 && value === exchange.fields?.username && isUsername(value), 'POST /login'),
    lookalikes: ['keeps-display-name-only'],
  },
  {
    id: 'copy-kept-beside-session',
    title: 'the signed-in user is kept beside the session, in the module (a map keyed by session ID?), and `me` answers from that copy, not from the id in the store',
    hint: 'The session store is where the signed-in user\'s id lives: read the id from `req.session` on each request and look the user up, instead of keeping a copy beside it that never learns what the store holds.',
    fails: ['user-id/user-from-store'],
    // The answer still named the user the store no longer held, though the session kept no name of the user.
    evidence: (seen) => seen.noted('showed-the-user-replaced') && !seen.stored(isDisplayName, 'POST /login'),
    lookalikes: ['trusts-only-ids-it-gave'],
  },
  {
    id: 'signed-in-flag',
    title: 'a flag that the user signed in (like `isLogin: 1`) kept beside the id, which already says so',
    hint: 'A stored id is the sign that someone signed in, and whom: keep the id and nothing beside it, and ask the id in `me`.',
    fails: ['user-id/only-the-id'],
    // true, 1 or "true", where it is not the id of the user signing in.
    evidence: (seen) => seen.storedWhileAnswering((value, _key, exchange) => (value === true || value === 1 || value === 'true') && !isIdNamedBy(value, exchange), 'POST /login'),
    lookalikes: ['signed-in-time'],
  },
  {
    id: 'no-default',
    title: '`me` always answers "Signed in as …", so a visitor nobody signed in reads "Signed in as undefined"',
    hint: 'A visitor with no id in the session is nobody: check for the missing id (and a user not found) and answer "Not signed in" then.',
    fails: ['user-id/not-signed-in', 'user-id/missing-fields', 'user-id/visitors-apart', 'user-id/read-stores-nothing', 'user-id/tampered-cookie'],
    evidence: (seen) => seen.answered(/\bundefined\b/, 'GET /me'),
    lookalikes: ['nobody-in-other-words'],
  },
  {
    id: 'key-mismatch',
    title: 'the id is stored at login, but `me` answers as if the session held none (read under another key, a typo?)',
    hint: 'Look at the key you write in `login` and the key you read in `me`: they must be the same name, letter for letter.',
    fails: ['user-id/login-me', 'user-id/failed-login-stores-nothing', 'user-id/only-the-id', 'user-id/user-from-store', 'user-id/visitors-apart'],
    evidence: (seen) => seen.answeredAsNewAfterStoring('GET /me'),
    lookalikes: ['shows-username'],
  },
  {
    id: 'reads-query',
    title: 'every login is refused, the right password too: the fields are read from somewhere a form\'s POST does not put them (`req.query`?)',
    hint: 'A form posts its fields in the request\'s body: read the username and the password from `req.body`, which the kit parses for you.',
    fails: ['user-id/login-me', 'user-id/failed-login-stores-nothing', 'user-id/only-the-id', 'user-id/user-from-store', 'user-id/no-password-hash', 'user-id/visitors-apart', 'user-id/data-on-server', 'user-id/tampered-cookie'],
    evidence: (seen) => seen.exchanges.some((exchange) => isLogin(exchange) && exchange.status === 401 && rightPassword(exchange)),
    lookalikes: ['welcome-in-other-words'],
  },
]);
