// stack.mjs — the real server stack that the Node test suites (tests/browser/, tests/deploy/)
// start: an index of a corpus built by the real broadsheet-indexer in a temp dir, and the real
// broadsheet-server on an ephemeral loopback port serving it with web/. Every wait is bounded.
// Node's own modules only, so tests/deploy/ needs no node_modules.

import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const kHere = path.dirname(fileURLToPath(import.meta.url));
const kIndexTimeoutMs = 60_000;
const kListenTimeoutMs = 20_000;

// Binary paths come from CTest (the suites' CMakeLists.txt); running by hand needs them too.
export function stack_config() {
  const indexer = process.env.BROADSHEET_INDEXER;
  const server = process.env.BROADSHEET_SERVER;
  if (!indexer || !server) {
    throw new Error('set BROADSHEET_INDEXER and BROADSHEET_SERVER to the built binaries (ctest does this)');
  }
  const root = process.env.BROADSHEET_ROOT || path.resolve(kHere, '..', '..');
  const nginx = process.env.BROADSHEET_NGINX || '/usr/sbin/nginx';
  return { indexer, server, root, nginx };
}

// Runs a program to completion; resolves { stdout, stderr }, rejects with its output when it
// fails or takes longer than `timeout_ms`. `options` go to spawn().
export function run_to_end(program, args, timeout_ms, options = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(program, args, { stdio: ['ignore', 'pipe', 'pipe'], ...options });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${path.basename(program)} took longer than ${timeout_ms} ms:\n${stdout}${stderr}`));
    }, timeout_ms);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve({ stdout, stderr });
      else reject(new Error(`${path.basename(program)} ${args.join(' ')} exited ${code ?? signal}:\n${stdout}${stderr}`));
    });
  });
}

// Starts broadsheet-server with `args`; resolves { child, port, base_url, log } once it prints
// "listening on http://HOST:PORT/". `log.text` collects its stderr.
export function start_server(program, args) {
  return new Promise((resolve, reject) => {
    const child = spawn(program, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    const log = { text: '' };
    let settled = false;
    const fail = (error) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(error);
    };
    const timer = setTimeout(() => {
      fail(new Error(`server gave no address within ${kListenTimeoutMs} ms:\n${stdout}${log.text}`));
    }, kListenTimeoutMs);
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
      const match = /listening on (http:\/\/[^\s/]+:(\d+)\/)/.exec(stdout);
      if (match && !settled) {
        settled = true;
        clearTimeout(timer);
        resolve({ child, port: Number(match[2]), base_url: match[1], log });
      }
    });
    child.stderr.on('data', (chunk) => (log.text += chunk));
    child.on('error', fail);
    child.on('exit', (code, signal) => fail(new Error(`server exited early (${code ?? signal}):\n${stdout}${log.text}`)));
  });
}

// Stops a child (SIGTERM, then SIGKILL after 5 s) and waits for it to go.
export function stop_process(child) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

// Builds an index of `corpus` (corpus/ unless given) in a new temp dir named after `prefix` and
// serves it with web/ on 127.0.0.1; `server_args` are extra server flags (e.g. --threads).
// Resolves { tmp, config, server } (server as start_server() gives it); on failure nothing is
// left running and the temp dir is gone.
export async function start_indexed_server({ prefix, corpus, server_args = [] }) {
  const config = stack_config();
  const tmp = await mkdtemp(path.join(os.tmpdir(), prefix));
  const index = path.join(tmp, 'index');
  try {
    const corpus_dir = corpus ?? path.join(config.root, 'corpus');
    await run_to_end(config.indexer, ['build', corpus_dir, '--index', index], kIndexTimeoutMs);
    const server = await start_server(config.server, [
      '--index', index,
      '--web', path.join(config.root, 'web'),
      '--host', '127.0.0.1',
      '--port', '0',
      ...server_args,
    ]);
    return { tmp, config, server };
  } catch (error) {
    await rm(tmp, { recursive: true, force: true });
    throw error;
  }
}
