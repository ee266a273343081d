/**
 * `npm run serve` as a learner uses it: the exercise's app through the kit's front server, and the
 * `/_kit` page in a real (headless) browser, clicked through while the cookie and the store's
 * record are read off the page. `UPDATE_SCREENSHOTS=1` renews the screenshot in docs/kit-page.png.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { networkInterfaces, tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { chromiumArgs, chromiumPath, noChromium } from '../browser.js';
import { hostPids, isRunning, LiveKit } from '../live-kit.js';
import { kitRoot } from '../run-kit.js';

const chromiumMissing = chromiumPath === null;

const running: LiveKit[] = [];
afterEach(() => {
  for (const kit of running.splice(0)) kit.kill();
});

/** Serves the exercise with the kit's solution (or `view`, a file of the kit) as the learner's view; resolves with the base URL. */
async function serveSolution(slug: string, view?: string): Promise<{ kit: LiveKit; base: string; folder: string }> {
  const copy = mkdtempSync(path.join(tmpdir(), 'learner-served-'));
  cpSync(path.join(kitRoot, 'solutions'), copy, { recursive: true });
  if (view !== undefined) cpSync(path.join(kitRoot, view), path.join(copy, slug, 'view.ts'));
  const kit = new LiveKit(['serve', slug, '--target', copy, '--port', '0']);
  running.push(kit);
  await kit.waitFor((out) => /Ctrl-C stops it\./.test(out), 20_000, 'the serve banner');
  const base = /on (http:\/\/127\.0\.0\.1:\d+)\//.exec(kit.stdout)?.[1] as string;
  return { kit, base, folder: copy };
}

/** Whether something answers on this address and port. */
function answers(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = request({ host, port, path: '/_kit', timeout: 2000 }, (answer) => {
      answer.resume();
      resolve(true);
    });
    probe.on('error', () => resolve(false));
    probe.on('timeout', () => {
      probe.destroy();
      resolve(false);
    });
    probe.end();
  });
}

describe('npm run serve', () => {
  it('passes requests on to the app, on 127.0.0.1 only, and stops it and its host on Ctrl-C', async () => {
    const { kit, base } = await serveSolution('visit-counter');
    expect(kit.stdout).toMatch(/^Serving visit-counter \(.*visit-counter\/view\.ts\) on http:\/\/127\.0\.0\.1:\d+\/$/m);
    expect(kit.stdout).toMatch(new RegExp(`^ {2}GET {2}/visits +${base}/visits$`, 'm'));
    const first = await fetch(`${base}/visits`);
    expect(await first.text()).toBe('You have visited this page 1 times.');
    const cookie = (first.headers.get('set-cookie') ?? '').split(';')[0] as string;
    expect(cookie).toMatch(/^connect\.sid=s%3A/);
    expect(await (await fetch(`${base}/visits`, { headers: { cookie } })).text()).toBe('You have visited this page 2 times.');
    const form = await fetch(`${base}/nowhere`, { method: 'POST', body: new URLSearchParams({ a: 'b' }) });
    expect(form.status).toBe(404);

    const port = Number(new URL(base).port);
    const outside = Object.values(networkInterfaces()).flat().find((address) => address?.family === 'IPv4' && !address.internal);
    if (outside) expect(await answers(outside.address, port)).toBe(false);

    const hosts = hostPids(kit.child.pid as number);
    expect(hosts).toHaveLength(1);
    expect(await kit.interrupt()).toBe(0);
    expect(kit.stdout.trimEnd().endsWith('Stopped.')).toBe(true);
    expect(hosts.filter(isRunning)).toEqual([]);
    expect(await answers('127.0.0.1', port)).toBe(false);
  });

  it('answers only requests whose Host is its own address, so no other site can read /_kit (DNS rebinding)', async () => {
    const { kit, base } = await serveSolution('visit-counter');
    const port = Number(new URL(base).port);
    const ask = (host: string | null, pathname: string): Promise<{ status: number; body: string }> =>
      new Promise((resolve, reject) => {
        const sent = request({ host: '127.0.0.1', port, path: pathname, setHost: host !== null, headers: host === null ? {} : { host } }, (answer) => {
          let body = '';
          answer.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
          answer.on('end', () => resolve({ status: answer.statusCode ?? 0, body }));
        });
        sent.on('error', reject);
        sent.end();
      });
    for (const own of [`127.0.0.1:${port}`, `localhost:${port}`, `LOCALHOST:${port}`, `[::1]:${port}`]) expect([own, (await ask(own, '/_kit')).status]).toEqual([own, 200]);
    const refused = { status: 421, body: 'This server answers only requests to its own address (127.0.0.1, localhost).' };
    for (const other of [`attacker.example:${port}`, 'attacker.example', `127.0.0.1:${port + 1}`, '127.0.0.1']) {
      expect([other, await ask(other, '/_kit')]).toEqual([other, refused]);
      expect([other, await ask(other, '/visits')]).toEqual([other, refused]);
    }
    // Without a Host header at all, Node's HTTP server refuses the request itself.
    expect((await ask(null, '/_kit')).status).toBe(400);
    expect(await kit.interrupt()).toBe(0);
  });

  it('starts the app again when view.ts is saved, and keeps the last one that loads', async () => {
    const { kit, base, folder } = await serveSolution('visit-counter');
    const file = path.join(folder, 'visit-counter', 'view.ts');
    const original = readFileSync(file, 'utf8');
    expect(await (await fetch(`${base}/visits`)).text()).toBe('You have visited this page 1 times.');

    writeFileSync(file, original.replace('res.send(', "console.log('counting', visits);\n  res.send(").replace('You have visited', 'You came'));
    await kit.waitFor((out) => out.includes('✔ view.ts reloaded'), 10_000, 'the reload');
    expect(await (await fetch(`${base}/visits`)).text()).toBe('You came this page 1 times.');
    await kit.waitFor((out) => out.includes('  app │ counting 1'), 5000, "the app's output");

    writeFileSync(file, original.slice(0, 260));
    await kit.waitFor((out) => out.includes('the app goes on with the last version that loaded'), 10_000, 'the compile error');
    expect(kit.stdout).toMatch(/✘ view\.ts does not compile: .*\(.*view\.ts:\d+:\d+\); the app goes on/);
    expect(await (await fetch(`${base}/visits`)).text()).toBe('You came this page 1 times.');

    writeFileSync(file, original.replace('const visits =', "throw new Error('boom');\n  const visits ="));
    await kit.waitFor((out) => (out.match(/✔ view\.ts reloaded/g) ?? []).length === 2, 10_000, 'the second reload');
    expect((await fetch(`${base}/visits`)).status).toBe(500);
    await kit.waitFor((out) => /! GET \/visits: the handler threw Error: boom \(view\.ts:\d+\)/.test(out), 5000, 'the error in the terminal');
    expect(await kit.interrupt()).toBe(0);
  });

  it.each([
    [['serve'], /^error: name the exercise to serve: npm run serve -- <slug>$/],
    [['serve', 'nope'], /^error: no exercise "nope": the exercises are favorite-color, /],
    [['serve', 'theme', '--port', '70000'], /^error: --port takes a whole number from 0 to 65535, not "70000"$/],
    [['serve', 'theme', '--target', 'tests'], /^error: no file .*tests\/theme\/view\.ts: npm run reset -- theme puts the stub back$/],
  ])('exits 2 with one line for %j', async (args, message) => {
    const kit = new LiveKit(args);
    running.push(kit);
    expect(await kit.exited).toBe(2);
    expect(kit.stderr.trim().split('\n')).toHaveLength(1);
    expect(kit.stderr.trim()).toMatch(message);
  });

  it('says in one line when the view does not compile, and serves nothing', async () => {
    const copy = mkdtempSync(path.join(tmpdir(), 'learner-broken-'));
    cpSync(path.join(kitRoot, 'exercises', 'visit-counter'), path.join(copy, 'visit-counter'), { recursive: true });
    writeFileSync(path.join(copy, 'visit-counter', 'view.ts'), 'export function countVisit(req, res) {\n  res.send(');
    const kit = new LiveKit(['serve', 'visit-counter', '--target', copy, '--port', '0']);
    running.push(kit);
    expect(await kit.exited).toBe(1);
    expect(kit.stderr.trim()).toMatch(/^error: view\.ts does not compile: .* \(.*visit-counter\/view\.ts:2:\d+\); fix view\.ts, then run npm run serve -- visit-counter again$/);
    expect(kit.stdout).toBe('');
  });

  it('says in one line when the port is taken', async () => {
    const { base } = await serveSolution('visit-counter');
    const second = new LiveKit(['serve', 'visit-counter', '--target', 'solutions', '--port', new URL(base).port]);
    running.push(second);
    expect(await second.exited).toBe(2);
    expect(second.stderr.trim()).toBe(`error: port ${new URL(base).port} is in use: choose another with --port`);
  });
});

describe.skipIf(chromiumMissing)(`the /_kit page in a browser${chromiumMissing ? ` (${noChromium})` : ''}`, () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: chromiumPath ?? undefined,
      args: chromiumArgs,
    });
  });
  afterAll(async () => {
    await browser?.close();
  });

  /** A page that records every request it makes, to prove it reaches nothing but the kit. */
  async function openPage(): Promise<{ page: Page; requested: string[] }> {
    const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
    const requested: string[] = [];
    page.on('request', (sent) => requested.push(sent.url()));
    return { page, requested };
  }

  const record = async (page: Page): Promise<Record<string, unknown>> => JSON.parse(await page.locator('#record').innerText()) as Record<string, unknown>;

  it('shows the signed cookie and the stored session of a visit counter, as the routes are used', async () => {
    const { base } = await serveSolution('visit-counter');
    const { page, requested } = await openPage();
    await page.goto(`${base}/_kit`);
    expect(await page.locator('h1').innerText()).toContain('Visit counter');
    expect(await page.locator('#browser').innerText()).toContain('It sent no cookie.');
    expect(await page.locator('#server').innerText()).toContain('No session for this browser');

    await page.getByRole('link', { name: 'GET /visits' }).click();
    await page.waitForURL(/\/_kit\?answer=1/);
    expect(await page.locator('pre.answer').innerText()).toBe('You have visited this page 1 times.');
    expect(await page.locator('#answer').innerText()).toBe('GET /visits answered 200:');
    expect(await page.locator('section', { hasText: 'The last answer' }).innerText()).toMatch(/Set-Cookie: connect\.sid=s%3A.*; Path=\/; HttpOnly; SameSite=Lax/);
    expect(await record(page)).toMatchObject({ visits: 1 });

    await page.getByRole('link', { name: 'GET /visits' }).click();
    await page.waitForURL(/\/_kit\?answer=2/);
    expect(await page.locator('pre.answer').innerText()).toBe('You have visited this page 2 times.');
    expect(await record(page)).toEqual({ cookie: { originalMaxAge: null, expires: null, httpOnly: true, path: '/', sameSite: 'lax' }, visits: 2 });
    // A visit keeps the ID: the same, and no word of fixation, which only a login is about.
    expect(await page.locator('#id-before').innerText()).toBe(await page.locator('#id-after').innerText());
    expect(await page.locator('#session-ids').innerText()).toContain('Unchanged: the same session ID before and after.');

    // The page shows the cookie the browser really holds, and the ID inside it.
    const [held] = await page.context().cookies();
    expect(held).toMatchObject({ name: 'connect.sid', httpOnly: true });
    expect(await page.locator('#sent-cookie').innerText()).toBe(`Cookie: connect.sid=${held?.value}`);
    const sessionId = await page.locator('#session-id').innerText();
    expect(decodeURIComponent(held?.value ?? '')).toMatch(new RegExp(`^s:${sessionId}\\.`));
    expect(await page.locator('#browser').innerText()).toContain("valid: signed with the app's secret");
    expect(await page.locator('#server').innerText()).toContain(`The store's record for session ${sessionId} (1 session in the store in all)`);
    // The picture in the docs is renewed on request only: a test run changes no file of the kit.
    const shot = process.env.UPDATE_SCREENSHOTS === '1' ? path.join(kitRoot, 'docs', 'kit-page.png') : path.join(mkdtempSync(path.join(tmpdir(), 'kit-page-')), 'kit-page.png');
    await page.screenshot({ path: shot, fullPage: true });
    expect(readFileSync(shot).subarray(1, 4).toString()).toBe('PNG');

    // The app's own route, through the front server, counts in the same session.
    await page.goto(`${base}/visits`);
    expect(await page.locator('body').innerText()).toBe('You have visited this page 3 times.');
    await page.goto(`${base}/_kit`);
    expect(await record(page)).toMatchObject({ visits: 3 });
    expect(await page.locator('#answer').count()).toBe(0);

    // A cookie with a changed signature is refused: a new, empty session.
    await page.context().addCookies([{ name: 'connect.sid', value: `${held?.value.slice(0, -2)}AA`, url: base }]);
    await page.getByRole('link', { name: 'GET /visits' }).click();
    await page.waitForURL(/\/_kit\?answer=3/);
    expect(await page.locator('pre.answer').innerText()).toBe('You have visited this page 1 times.');

    expect(requested.filter((url) => !url.startsWith(`${base}/`))).toEqual([]);
    await page.close();
  });

  it('sends the forms built from the manifest, with their fields', async () => {
    const { base } = await serveSolution('favorite-color');
    const { page } = await openPage();
    await page.goto(`${base}/_kit`);
    const input = page.locator('form', { hasText: 'POST /color' }).getByLabel('color');
    expect(await input.inputValue()).toBe('blue');
    await input.fill('green');
    await page.getByRole('button', { name: 'POST /color' }).click();
    await page.waitForURL(/answer=1/);
    expect(await page.locator('#answer').innerText()).toBe('POST /color color="green" answered 200:');
    expect(await page.locator('pre.answer').innerText()).toBe('Color saved');
    expect(await record(page)).toMatchObject({ color: 'green' });
    await page.getByRole('link', { name: 'GET /color' }).click();
    await page.waitForURL(/answer=2/);
    expect(await page.locator('pre.answer').innerText()).toBe('Favorite color: green');
    await page.close();
  });

  /** On login-rotation's page: a guest's session (POST /viewed), then the login; the IDs the block shows before and after it. */
  async function logIn(page: Page, base: string): Promise<{ before: string; after: string; held: string; block: string }> {
    await page.goto(`${base}/_kit`);
    await page.getByRole('button', { name: 'POST /viewed' }).click();
    await page.waitForURL(/answer=1/);
    expect(await page.locator('#id-before').innerText()).toBe('none');
    const guest = await page.locator('#id-after').innerText();
    expect(await page.locator('#session-ids').innerText()).toContain('A first session ID');
    await page.getByRole('button', { name: 'POST /login' }).click();
    await page.waitForURL(/answer=2/);
    expect(await page.locator('pre.answer').innerText()).toBe('Logged in as alice');
    const before = await page.locator('#id-before').innerText();
    expect(before).toBe(guest);
    const [cookie] = await page.context().cookies();
    const held = /^s:([^.]+)\./.exec(decodeURIComponent(cookie?.value ?? ''))?.[1] ?? '';
    return { before, after: await page.locator('#id-after').innerText(), held, block: await page.locator('#session-ids').innerText() };
  }

  it('shows the session ID before and after logging in: a new one, the old session gone from the store', async () => {
    const { base } = await serveSolution('login-rotation');
    const { page } = await openPage();
    const { before, after, held, block } = await logIn(page, base);
    expect(after).not.toBe(before);
    expect(after).toBe(held);
    expect(block).toContain('Changed: a new session ID. The store no longer holds the session of the old ID');
    expect(block).not.toContain('fixation bug');
    await page.close();
  });

  it('shows the same session ID before and after a login that keeps it, and names the fixation bug', async () => {
    const { base } = await serveSolution('login-rotation', 'solutions/login-rotation/mistakes/no-regenerate.ts');
    const { page } = await openPage();
    const { before, after, held, block } = await logIn(page, base);
    expect([after, held]).toEqual([before, before]);
    expect(block).toContain('Unchanged at login: this is the fixation bug.');
    await page.close();
  });
});
