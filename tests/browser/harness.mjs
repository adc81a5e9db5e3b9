// harness.mjs — starts the real stack for browser tests: indexes the corpus with the real
// broadsheet-indexer into a temp dir, runs the real broadsheet-server on an ephemeral port, and
// launches Debian's Chromium through playwright-core. Every wait is bounded. It also holds what
// every browser test file shares: use_stack() (the file's stack and browser), open_page(),
// api_get() and assert_eventually().

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before } from 'node:test';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const kHere = path.dirname(fileURLToPath(import.meta.url));
const kIndexTimeoutMs = 60_000;
const kListenTimeoutMs = 20_000;
// Default timeout of every page open_page() opens (any single wait on the page).
const kPageWaitMs = 10_000;

// Binary paths come from CTest (tests/browser/CMakeLists.txt); running by hand needs them too.
export function stack_config() {
  const indexer = process.env.BROADSHEET_INDEXER;
  const server = process.env.BROADSHEET_SERVER;
  if (!indexer || !server) {
    throw new Error('set BROADSHEET_INDEXER and BROADSHEET_SERVER to the built binaries (ctest does this)');
  }
  const root = process.env.BROADSHEET_ROOT || path.resolve(kHere, '..', '..');
  return { indexer, server, root };
}

// Runs a program to completion, failing with its output when it exits non-zero or takes too long.
function run_to_end(program, args, timeout_ms) {
  return new Promise((resolve, reject) => {
    const child = spawn(program, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${path.basename(program)} took longer than ${timeout_ms} ms:\n${output}`));
    }, timeout_ms);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      const command = `${path.basename(program)} ${args.join(' ')}`;
      if (code === 0) resolve(output);
      else reject(new Error(`${command} exited ${code ?? signal}:\n${output}`));
    });
  });
}

// Starts the server and resolves with its base URL once it prints "listening on http://…/".
function start_server(program, args) {
  return new Promise((resolve, reject) => {
    const child = spawn(program, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let settled = false;
    const fail = (error) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(error);
    };
    const timer = setTimeout(() => {
      fail(new Error(`server gave no address within ${kListenTimeoutMs} ms:\n${stdout}${stderr}`));
    }, kListenTimeoutMs);
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
      const match = /listening on (http:\/\/[^\s/]+\/)/.exec(stdout);
      if (match && !settled) {
        settled = true;
        clearTimeout(timer);
        resolve({ child, base_url: match[1], stderr: () => stderr });
      }
    });
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', fail);
    child.on('exit', (code, signal) => {
      fail(new Error(`server exited early (${code ?? signal}):\n${stdout}${stderr}`));
    });
  });
}

// Stops the server and waits (bounded) for it to go, so the temp dir can be removed.
function stop_process(child) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      resolve();
    }, 5_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

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

// Builds an index of the corpus and serves it with web/. Returns { base_url, stop() }.
export async function start_stack({ corpus } = {}) {
  const config = stack_config();
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'broadsheet-browser-'));
  const index = path.join(tmp, 'index');
  let server = null;
  try {
    const corpus_dir = corpus ?? path.join(config.root, 'corpus');
    await run_to_end(config.indexer, ['build', corpus_dir, '--index', index], kIndexTimeoutMs);
    server = await start_server(config.server, [
      '--index', index,
      '--web', path.join(config.root, 'web'),
      '--port', '0',
      '--host', '127.0.0.1',
    ]);
  } catch (error) {
    await rm(tmp, { recursive: true, force: true });
    throw error;
  }
  return {
    base_url: server.base_url,
    server_log: server.stderr,
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
