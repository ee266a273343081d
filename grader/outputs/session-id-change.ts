/**
 * The session ID the browser held before a request of the `/_kit` page and the one it holds after,
 * side by side: what `login-rotation` teaches is seen here, a new ID at login, or the same one,
 * which is the door session fixation walks through. Everything shown is what the front server
 * observed (the cookie the browser sent, the Set-Cookie of the answer, the grader's store), never
 * a word of the app's; IDs are learner-reachable text all the same, and are escaped.
 */
import { htmlText } from './escape.js';

/** The browser's session ID around one request, as the front server saw it. */
export interface SessionIdChange {
  /** The ID of the cookie the browser sent, when its signature is the app's; else null. */
  before: string | null;
  /**
   * The ID the browser holds once the answer came: the one its Set-Cookie gave when it set the
   * session cookie (null when it removed it, or set one the app would not accept), else `before`.
   */
  after: string | null;
  /** Whether the answer set the session cookie at all. */
  set: boolean;
  /** Whether the store still held the session `before` named once the answer came; false without one. */
  beforeStored: boolean;
}

/** The request of the page whose answer is shown: enough to tell a login, and whether it succeeded. */
interface Asked {
  method: string;
  path: string;
  status: number | null;
}

/** A POST to a `/login` route that the app accepted: where the ID must change. */
function isLogin(asked: Asked): boolean {
  return asked.method === 'POST' && /\/login\/?$/.test(asked.path) && asked.status !== null && asked.status >= 200 && asked.status < 300;
}

function idCell(id: string | null, element: string): string {
  return id === null ? `<dd id="${element}" class="muted">none</dd>` : `<dd><code id="${element}">${htmlText(id)}</code></dd>`;
}

/** What happened to the ID, in a line; at a login, what that means for the lesson. */
function whatHappened(change: SessionIdChange, login: boolean): string {
  const { before, after } = change;
  if (before === null && after === null) return '<p class="muted">No session ID, before or after.</p>';
  if (before === null) {
    const first = '<p><strong>A first session ID</strong>: the browser had none the app accepts, and the answer gave it one.</p>';
    return login ? `${first}<p class="muted">To see the ID change at login, make a session first (send another route), then log in again.</p>` : first;
  }
  if (after === null) return '<p><strong>Removed</strong>: the answer took the session cookie away; the browser holds no session ID now.</p>';
  const old = change.beforeStored
    ? 'The store still holds the session of the old ID: a copy of the old cookie still finds it.'
    : 'The store no longer holds the session of the old ID: a copy of the old cookie finds nothing.';
  if (before !== after) {
    const lesson = login ? ' An ID someone planted or saw before the login is worth nothing after it.' : '';
    return `<p class="changed"><strong>Changed</strong>: a new session ID. ${old}${lesson}</p>`;
  }
  if (!login) return '<p><strong>Unchanged</strong>: the same session ID before and after.</p>';
  return `<p class="error"><strong>Unchanged at login: this is the fixation bug.</strong> Whoever held this ID before the login (someone who planted it in this browser, or saw it) is logged in too. <code>req.session.regenerate</code> gives the visitor a new ID at login.</p>`;
}

/** The block of the page's last answer that compares the session IDs, or nothing without a comparison. */
export function sessionIdChangeBlock(change: SessionIdChange | null, asked: Asked): string {
  if (change === null) return '';
  return `<div id="session-ids"><p>The session ID the browser held:</p>
<dl class="ids"><dt>before this request</dt>${idCell(change.before, 'id-before')}<dt>after it</dt>${idCell(change.after, 'id-after')}</dl>
${whatHappened(change, isLogin(asked))}</div>`;
}
