/**
 * The `/_kit` page of `npm run serve`: what the course keeps saying, shown on the learner's own
 * app. The browser holds only a signed session ID (the cookie, as its request carried it); the
 * data lives on the server (the session record, as the store holds it). Forms built from the
 * manifest's routes send requests to the app and come back here, so both sides can be watched as
 * they change.
 *
 * Static HTML with its style inline: no script, no network, nothing from outside.
 */
import { htmlText } from './escape.js';
import { sessionIdChangeBlock, type SessionIdChange } from './session-id-change.js';
import { describeFields } from '../engine/check-language/expect.js';
import type { ExerciseInfo, RouteInfo } from '../engine/course/manifest.js';

/** One request the page sent to the app for the learner, and the app's answer. */
export interface TriedRequest {
  method: string;
  path: string;
  /** The body fields of a POST; null for a GET. */
  fields: Record<string, string> | null;
  /** The answer's status, or null when there was no answer (then `body` says why). */
  status: number | null;
  body: string;
  /** The Set-Cookie headers of the answer, passed on to the browser. */
  setCookies: string[];
  /** What went wrong inside the app, as the kit's error handling reports it. */
  appError: string | null;
  /** The browser's session ID before the request and after its answer; null when there was no answer. */
  sessionIds: SessionIdChange | null;
}

/** What the page shows; gathered by the front server, rendered here. */
export interface KitPageView {
  exercise: ExerciseInfo;
  /** The Cookie header of the page's own request, as the browser sent it. */
  sentCookie: string | null;
  /** The request a form or link of the page just made, when the page shows its answer. */
  tried: TriedRequest | null;
  /** The session ID in the cookie the browser sent, or null. */
  sessionId: string | null;
  /** Whether the cookie's signature is the app's: null when there is no signed cookie. */
  signatureValid: boolean | null;
  /** The store's record for `sessionId`, or null when the store has none. */
  record: unknown;
  /** How many sessions the store holds in all. */
  storeSize: number;
  /** Why the store could not be read, if it could not. */
  storeError: string | null;
}

function fieldInputs(route: RouteInfo): string {
  return (route.fields ?? [])
    .map(
      (field) =>
        `<label>${htmlText(field.name)} <input name="${htmlText(field.name)}" value="${htmlText(field.example)}" size="12"></label>`,
    )
    .join(' ');
}

function routeRow(route: RouteInfo, index: number): string {
  const who = route.handler.startsWith('kit:') ? '<span class="kit">the kit answers</span>' : `<code>${htmlText(route.handler.slice(5))}</code> in view.ts`;
  const label = htmlText(`${route.method} ${route.path}`);
  const hasFields = (route.fields ?? []).length > 0;
  let control: string;
  if (route.method === 'GET' && !hasFields) {
    control = `<a class="button" href="/_kit/try?route=${index}">${label}</a> <a class="raw" href="${htmlText(route.path)}">open ${htmlText(route.path)} itself</a>`;
  } else {
    const method = route.method === 'GET' ? 'get' : 'post';
    const action = route.method === 'GET' ? '/_kit/try' : `/_kit/try?route=${index}`;
    const routeField = route.method === 'GET' ? `<input type="hidden" name="route" value="${index}">` : '';
    control = `<form method="${method}" action="${action}">${routeField}${fieldInputs(route)} <button type="submit">${label}</button></form>`;
  }
  return `<tr><td>${control}</td><td class="who">${who}</td></tr>`;
}

function triedSection(tried: TriedRequest | null): string {
  if (!tried) return '<p class="muted">Nothing sent yet: use a route above, and this page shows its answer and what changed.</p>';
  const fields = tried.fields ? ` <span class="muted">${htmlText(describeFields(tried.fields))}</span>` : '';
  const cookies = tried.setCookies.length === 0
    ? '<p class="muted">The answer set no cookie.</p>'
    : `<p>The answer set a cookie:</p>${tried.setCookies.map((cookie) => `<pre class="cookie">Set-Cookie: ${htmlText(cookie)}</pre>`).join('')}`;
  const error = tried.appError ? `<p class="error">${htmlText(tried.appError)}</p>` : '';
  const outcome = tried.status === null ? 'got no answer' : `answered <strong>${tried.status}</strong>`;
  return `<p id="answer"><strong>${htmlText(tried.method)} ${htmlText(tried.path)}</strong>${fields} ${outcome}:</p>
<pre class="answer">${htmlText(tried.body)}</pre>${error}${cookies}${sessionIdChangeBlock(tried.sessionIds, tried)}`;
}

function browserSection(view: KitPageView): string {
  const sent = view.sentCookie
    ? `<pre class="cookie" id="sent-cookie">Cookie: ${htmlText(view.sentCookie)}</pre>`
    : '<p id="sent-cookie" class="muted">It sent no cookie.</p>';
  let id = '<p class="muted">It holds no session ID: the app has not stored anything for this browser yet (express-session sends the cookie once the session holds something).</p>';
  if (view.sessionId) {
    const signature = view.signatureValid ? 'valid: signed with the app\'s secret' : 'not valid: the app ignores this cookie and starts a new session';
    id = `<dl>
<dt>session ID</dt><dd><code id="session-id">${htmlText(view.sessionId)}</code></dd>
<dt>signature</dt><dd>${htmlText(signature)}</dd>
</dl>
<p>That is all the browser holds: an ID, signed so that nobody can make one up or change it. It is marked HttpOnly, so scripts on the page cannot read it.</p>`;
  } else if (view.sentCookie?.includes('connect.sid=')) {
    id = '<p>Its session cookie is not a signed session ID that the app would accept.</p>';
  }
  return `<p>This page's request carried:</p>${sent}${id}`;
}

function serverSection(view: KitPageView): string {
  if (view.storeError) return `<p class="error">${htmlText(view.storeError)}</p>`;
  const count = `${view.storeSize} session${view.storeSize === 1 ? '' : 's'} in the store in all`;
  if (!view.sessionId) return `<p class="muted">No session for this browser (${count}).</p>`;
  if (view.record === null) {
    return `<p class="muted">The store holds no session <code>${htmlText(view.sessionId)}</code> (${count}): it ended, or the app restarted.</p>`;
  }
  return `<p>The store's record for session <code>${htmlText(view.sessionId)}</code> (${count}):</p>
<pre class="record" id="record">${htmlText(JSON.stringify(view.record, null, 2))}</pre>
<p>Everything the app keeps in <code>req.session</code> is here, on the server; <code>cookie</code> is express-session's own note of the cookie's settings.</p>`;
}

const style = `
body { font: 15px/1.45 system-ui, sans-serif; margin: 0 auto; max-width: 1000px; padding: 1.2rem 1.5rem; color: #1d2433; background: #fbfbfd; }
h1 { font-size: 1.4rem; margin: 0 0 .2rem; } h2 { font-size: 1.05rem; margin: 0 0 .5rem; }
.lead { margin: 0 0 1rem; color: #3d4656; }
section { background: #fff; border: 1px solid #d9dde6; border-radius: 8px; padding: .8rem 1rem; margin-bottom: 1rem; }
.sides { display: grid; grid-template-columns: 1fr 1fr; gap: 1rem; } .sides section { margin: 0; }
table { border-collapse: collapse; width: 100%; } td { padding: .3rem .4rem; border-top: 1px solid #eef0f4; vertical-align: middle; }
tr:first-child td { border-top: none; } td.who { color: #5b6475; font-size: .9rem; white-space: nowrap; }
form { display: inline; } label { margin-right: .4rem; font-size: .9rem; }
input { font: inherit; padding: .15rem .3rem; border: 1px solid #b9c0ce; border-radius: 4px; }
.button, button { font: inherit; font-weight: 600; display: inline-block; padding: .2rem .7rem; border-radius: 5px; border: 1px solid #2f5bd3; background: #3b6ae8; color: #fff; text-decoration: none; cursor: pointer; }
.raw { margin-left: .6rem; font-size: .85rem; color: #2f5bd3; }
pre { background: #f3f5f9; border: 1px solid #e1e5ee; border-radius: 5px; padding: .5rem .7rem; white-space: pre-wrap; word-break: break-all; margin: .3rem 0 .6rem; font-size: .85rem; }
pre.answer { font-size: 1rem; } .muted { color: #6b7385; } .error { color: #b3261e; } .kit { color: #8a5a00; }
dl { display: grid; grid-template-columns: auto 1fr; gap: .2rem .8rem; margin: .4rem 0; } dt { color: #5b6475; } dd { margin: 0; word-break: break-all; }
code { font-size: .9em; }
#session-ids { border-top: 1px solid #eef0f4; margin-top: .6rem; padding-top: .4rem; } dl.ids { grid-template-columns: auto 1fr auto 1fr; } .changed { color: #1e6b34; }
`;

/** The whole page, for a browser. */
export function renderKitPage(view: KitPageView): string {
  const { exercise } = view;
  const rows = exercise.routes.map(routeRow).join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${htmlText(exercise.slug)} · what the browser holds, what the server keeps</title>
<style>${style}</style>
</head>
<body>
<h1>${htmlText(exercise.title)} <span class="muted">· ${htmlText(exercise.slug)}</span></h1>
<p class="lead">The browser holds only a signed session ID; the data lives on the server. Send requests to your app below and watch both sides. <a href="/_kit">Reload</a></p>
<section><h2>Your app's routes</h2><table>${rows}</table></section>
<section><h2>The last answer</h2>${triedSection(view.tried)}</section>
<div class="sides">
<section id="browser"><h2>In your browser</h2>${browserSection(view)}</section>
<section id="server"><h2>On the server</h2>${serverSection(view)}</section>
</div>
</body>
</html>
`;
}
