/**
 * The `/_kit` page's comparison of session IDs around a request, rendered without a server: the
 * IDs as text whatever they hold (the app signs its cookies, so a hostile view can set an ID of
 * markup), and the fixation bug named at a login alone; a session cookie that is no escaped text
 * at all is no signed ID. `tests/end-to-end/serve.test.ts` drives the same page in a browser, on
 * real logins.
 */
import { describe, expect, it } from 'vitest';
import { signedBy } from '../../grader/commands/front-server.js';
import { findExercise } from '../../grader/engine/course/manifest.js';
import { renderKitPage, type TriedRequest } from '../../grader/outputs/kit-page.js';
import type { SessionIdChange } from '../../grader/outputs/session-id-change.js';

const exercise = findExercise('login-rotation');
if (exercise === undefined) throw new Error('the course has no login-rotation');

function pageAfter(request: Partial<TriedRequest>, sessionIds: SessionIdChange | null): string {
  const tried: TriedRequest = { method: 'POST', path: '/login', fields: { username: 'alice' }, status: 200, body: 'Logged in as alice', setCookies: [], appError: null, sessionIds, ...request };
  return renderKitPage({ exercise: exercise!, sentCookie: null, tried, sessionId: null, signatureValid: null, record: null, storeSize: 0, storeError: null });
}

/** The text of the comparison block, tags taken out. */
function block(page: string): string {
  return (/<div id="session-ids">([\s\S]*?)<\/div>/.exec(page)?.[1] ?? '').replace(/<[^>]+>/g, '');
}

describe("the /_kit page's session IDs before and after a request", () => {
  it('shows an ID the app set as text, never as markup', () => {
    const hostile = '<img src=x onerror=alert(1)>"\'';
    const page = pageAfter({}, { before: 'A', after: hostile, set: true, beforeStored: false });
    expect(page).not.toContain('<img');
    expect(page).toContain('&lt;img src=x onerror=alert(1)&gt;&quot;&#39;');
  });

  it('says a login that keeps the ID is the fixation bug, and a visit that keeps it is not', () => {
    const same: SessionIdChange = { before: 'A', after: 'A', set: false, beforeStored: true };
    expect(block(pageAfter({}, same))).toContain('Unchanged at login: this is the fixation bug.');
    const visit = block(pageAfter({ method: 'GET', path: '/whoami', fields: null, body: 'Hello, alice' }, same));
    expect(visit).toContain('Unchanged: the same session ID before and after.');
    expect(visit).not.toContain('fixation');
    // A refused login changed nothing, and rightly so.
    expect(block(pageAfter({ status: 400, body: 'Missing username' }, same))).not.toContain('fixation');
  });

  it('says a new ID at login defeats a planted one, and whether the old session is still stored', () => {
    const gone = block(pageAfter({}, { before: 'A', after: 'B', set: true, beforeStored: false }));
    expect(gone).toContain('Changed: a new session ID. The store no longer holds the session of the old ID');
    expect(gone).toContain('worth nothing after it');
    expect(block(pageAfter({}, { before: 'A', after: 'B', set: true, beforeStored: true }))).toContain('The store still holds the session of the old ID');
  });

  it('shows no comparison for a request that got no answer', () => {
    expect(pageAfter({ status: null, body: 'no answer within 2 s' }, null)).not.toContain('id="session-ids"');
  });

  it('takes a session cookie with a malformed escape, which the app may set, for no signed ID', () => {
    expect(signedBy('s%3Aabc.%E0%A4%A', 'secret')).toBe(false);
  });
});
