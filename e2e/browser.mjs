// Shared set-up of the browser tests: Debian's chromium driven by playwright-core.
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const BASE_URL = process.env.PALETTE_E2E_URL ?? 'http://localhost:7007';
export const SCREENSHOT_DIR = join(
  dirname(fileURLToPath(import.meta.url)),
  'screenshots',
);

// Without the background-networking flags chromium tries to reach Google's
// hosts, which this network refuses.
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export async function launchBrowser() {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
}

export async function screenshot(page, name) {
  await page.screenshot({
    path: join(SCREENSHOT_DIR, `${name}.png`),
    fullPage: true,
  });
}

/** Signs in as guest through the sign-in page, as a newcomer would. */
export async function signInAsGuest(page) {
  await page.goto(`${BASE_URL}/?as=`);
  await page.getByRole('button', { name: 'Enter' }).click();
  // Signed in once the sidebar of the app replaces the sign-in page.
  await page.getByRole('link', { name: 'Settings' }).waitFor();
}

/** Signs in as a catalog user through the dev-user provider (`?as=<name>`). */
export async function signInAs(page, user, path = '/catalog') {
  await page.goto(`${BASE_URL}${path}?as=${encodeURIComponent(user)}`);
}

/** A Backstage token for a user, from the real auth backend. */
export async function tokenFor(user) {
  const res = await fetch(`${BASE_URL}/api/auth/dev-user/refresh`, {
    headers: { 'x-palette-dev-user': user },
  });
  if (!res.ok)
    throw new Error(
      `sign-in as ${user} failed: ${res.status} ${await res.text()}`,
    );
  return (await res.json()).backstageIdentity.token;
}

/**
 * Calls the Palette API as a user, with the token the auth backend issued
 * them; the body is the parsed JSON, or the text when it is not JSON.
 */
export async function paletteApi(user, path, init = {}) {
  const token = await tokenFor(user);
  const res = await fetch(`${BASE_URL}/api/palette${path}`, {
    ...init,
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': 'application/json',
      ...(init.headers ?? {}),
    },
  });
  const text = await res.text();
  let body;
  try {
    body = JSON.parse(text);
  } catch {
    body = text;
  }
  return { status: res.status, body };
}
