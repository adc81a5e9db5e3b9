// harness.mjs — starts the real stack for browser tests: the real broadsheet-server over an index
// of the corpus built by the real broadsheet-indexer (tests/support/stack.mjs), and Debian's
// Chromium launched through playwright-core. Every wait is bounded. It also holds what
// every browser test file shares: use_stack() (the file's stack and browser), open_page(),
// api_get() and assert_eventually().

import assert from 'node:assert/strict';
import { rm } from 'node:fs/promises';
import { after, before } from 'node:test';
import { chromium } from 'playwright-core';
import { stack_config, start_indexed_server, stop_process } from '../support/stack.mjs';

export { stack_config };

// Default timeout of every page open_page() opens (any single wait on the page).
const kPageWaitMs = 10_000;

export function launch_browser() {
  return chromium.launch({
    executablePath: process.env.BROADSHEET_CHROMIUM || '/usr/bin/chromium',
    args: [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    timeout: 30_000,
  });
}

// Builds an index of the corpus and serves it with web/. Returns { base_url, server_log(), stop() }.
export async function start_stack({ corpus } = {}) {
  const { tmp, server } = await start_indexed_server({ prefix: 'broadsheet-browser-', corpus });
  return {
    base_url: server.base_url,
    server_log: () => server.log.text,
    async stop() {
      await stop_process(server.child);
      await rm(tmp, { recursive: true, force: true });
    },
  };
}

// The stack and browser of the test file that called use_stack(); set by its before hook.
const suite = { stack: null, browser: null };

// use_stack({ corpus }) — call once at the top of a test file: registers the file's before hook,
// which starts the stack (over `corpus`, corpus/ unless given) and the browser, and its after hook,
// which stops both. Returns an object whose `stack` and `browser` are set once the hook has run.
export function use_stack({ corpus } = {}) {
  before(async () => {
    suite.stack = await start_stack({ corpus });
    suite.browser = await launch_browser();
  });
  after(async () => {
    await suite.browser?.close();
    await suite.stack?.stop();
  });
  return suite;
}

// open_page(t, { viewport, allowed, target }) — a fresh page in a new browser context for test
// `t` (closed when the test ends), with a 10 s default timeout, that records console errors,
// uncaught exceptions and dialogs (a dialog is dismissed). Options:
//   viewport — the page size, 1280×900 unless given;
//   allowed  — patterns of console errors a test provokes on purpose (the browser logs every
//              4xx fetch as a console error), not recorded;
//   target   — the stack whose base URL the page's relative URLs resolve against, the file's
//              use_stack() stack unless given.
// Returns { page, assert_no_errors() }: the latter fails the test if anything was recorded.
export async function open_page(t, { viewport, allowed = [], target = suite.stack } = {}) {
  if (!suite.browser || !target) throw new Error('open_page needs use_stack() at the top of the test file');
  const context = await suite.browser.newContext({
    baseURL: target.base_url,
    viewport: viewport ?? { width: 1280, height: 900 },
  });
  const page = await context.newPage();
  page.setDefaultTimeout(kPageWaitMs);
  const errors = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && !allowed.some((pattern) => pattern.test(message.text()))) {
      errors.push(`console: ${message.text()}`);
    }
  });
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('dialog', (dialog) => {
    errors.push(`dialog: ${dialog.message()}`);
    dialog.dismiss();
  });
  t.after(() => context.close());
  return { page, assert_no_errors: () => assert.deepEqual(errors, [], 'the page logged errors') };
}

// api_get(page, path) — GETs `path` (relative to the page's stack) with the page's request
// context, asserts the answer is 200 and returns its JSON.
export async function api_get(page, path) {
  const response = await page.request.get(path);
  assert.equal(response.status(), 200, path);
  return response.json();
}

// assert_eventually(condition, message) — polls `condition` (sync or async) every 50 ms for at
// most the page wait; for states the DOM reaches asynchronously. Fails with `message`.
export async function assert_eventually(condition, message) {
  const deadline = Date.now() + kPageWaitMs;
  while (Date.now() < deadline) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  assert.fail(message);
}
