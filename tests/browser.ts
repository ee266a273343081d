/**
 * The Chromium the browser tests drive: `CHROMIUM_PATH` when set, else Debian's or Ubuntu's
 * package, a Chrome, or the one `npx playwright install chromium` downloads, whichever is there
 * first. Without any, the tests skip and say where they looked and what to install.
 */
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';

function candidates(): string[] {
  const fromEnv = process.env.CHROMIUM_PATH ? [process.env.CHROMIUM_PATH] : [];
  let playwright: string[] = [];
  try {
    playwright = [chromium.executablePath()];
  } catch {
    // playwright-core knows no browser for this platform: the system's are the only ones.
  }
  return [...fromEnv, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', ...playwright];
}

const looked = candidates();

/** The browser's executable, or null when none is installed. */
export const chromiumPath: string | null = looked.find((file) => existsSync(file)) ?? null;

/** Why the browser tests are skipped, in the skip's own words. */
export const noChromium = `skipped: no Chromium (looked at ${looked.join(', ')}); apt-get install chromium, or npx playwright install chromium, or set CHROMIUM_PATH`;

/** Flags for a headless run that reaches for nothing on the network. */
export const chromiumArgs = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
