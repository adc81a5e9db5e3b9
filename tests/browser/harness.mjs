// harness.mjs — starts the real stack for browser tests: indexes the corpus with the real
// broadsheet-indexer into a temp dir, runs the real broadsheet-server on an ephemeral port, and
// launches Debian's Chromium through playwright-core. Every wait is bounded.

import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const kHere = path.dirname(fileURLToPath(import.meta.url));
const kIndexTimeoutMs = 60_000;
const kListenTimeoutMs = 20_000;

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
