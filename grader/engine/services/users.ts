/**
 * The kit's user directory, for the exercises about logging in. A learner's view imports it as
 * `session-kit/users`; the sandbox hands it this module. The records carry a password hash on
 * purpose: it must never end up in the session store.
 */
import { createHash } from 'node:crypto';

export interface User {
  id: number;
  username: string;
  displayName: string;
  /** sha256 of the password; a stand-in for a real password hash. */
  passwordHash: string;
}

function hash(password: string): string {
  return `sha256$${createHash('sha256').update(password).digest('hex')}`;
}

const users: readonly User[] = [
  { id: 1, username: 'alice', displayName: 'Alice Liddell', passwordHash: hash('wonderland') },
  { id: 2, username: 'bob', displayName: 'Bob Builder', passwordHash: hash('canwefixit') },
  { id: 3, username: 'carol', displayName: 'Carol Danvers', passwordHash: hash('higherfurther') },
];

/**
 * The user with this id, as stored (a fresh copy each time, as a database would return). The id
 * may be the number or its text (`1` or `"1"`), as a session may keep either.
 */
export function findUserById(id: number | string): User | undefined {
  const user = users.find((candidate) => candidate.id === id || String(candidate.id) === id);
  return user && { ...user };
}

/** The user with this username, or undefined. */
export function findUserByName(username: string): User | undefined {
  const user = users.find((candidate) => candidate.username === username);
  return user && { ...user };
}

/** True when `password` is the user's password. */
export function checkPassword(user: User, password: string): boolean {
  return hash(password) === user.passwordHash;
}
