// stack.mjs — the real deployment stack for tests/deploy/: an index of corpus/ built by the real
// broadsheet-indexer, the real broadsheet-server on an ephemeral loopback port, and Debian's nginx
// in front of it running deploy/nginx/broadsheet.conf as rendered by deploy/nginx/render.sh (the
// same template and renderer an installation uses). Every wait is bounded. No dependencies
// beyond Node's own modules.

import { spawn } from 'node:child_process';
import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const kHere = path.dirname(fileURLToPath(import.meta.url));
const kIndexTimeoutMs = 60_000;
const kListenTimeoutMs = 20_000;

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

// Runs a program to completion; rejects with its output when it fails or takes too long.
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

// Starts broadsheet-server; resolves once it prints "listening on http://HOST:PORT/".
function start_server(program, args) {
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
      const match = /listening on http:\/\/127\.0\.0\.1:(\d+)\//.exec(stdout);
      if (match && !settled) {
        settled = true;
        clearTimeout(timer);
        resolve({ child, port: Number(match[1]), log });
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

// A loopback port nobody listens on right now (the kernel's pick; closed again before use).
export function free_port() {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

// One GET/HEAD/… with a fresh or given agent; resolves { status, headers, body, ms } or rejects.
export function request(port, { method = 'GET', path: url_path = '/', headers = {}, agent, timeout_ms = 5_000, body } = {}) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const req = http.request({ host: '127.0.0.1', port, method, path: url_path, headers, agent }, (res) => {
      const chunks = [];
      res.on('data', (chunk) => chunks.push(chunk));
      res.on('end', () => {
        clearTimeout(timer);
        resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks).toString(), ms: performance.now() - started });
      });
      res.on('error', (error) => {
        clearTimeout(timer);
        reject(error);
      });
    });
    const timer = setTimeout(() => req.destroy(new Error(`no answer within ${timeout_ms} ms`)), timeout_ms);
    req.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    if (body !== undefined) req.write(body);
    req.end();
  });
}

// Renders deploy/nginx/broadsheet.conf with render.sh into `dir` and starts nginx there in the
// foreground (a child of this process) with its pid, logs and temp files in `dir`. `render_args`
// are render.sh's arguments. Resolves { child, dir, error_log() } once `ready_port` answers.
export async function start_nginx(config, dir, render_args, ready_port) {
  await mkdir(dir, { recursive: true });
  // As root, nginx's workers run as nobody and must reach the temp directories inside `dir`.
  await chmod(path.dirname(dir), 0o755);
  await chmod(dir, 0o755);
  const renderer = path.join(config.root, 'deploy', 'nginx', 'render.sh');
  const { stdout: site } = await run_to_end('bash', [renderer, ...render_args], 10_000);
  await writeFile(path.join(dir, 'broadsheet.conf'), site);
  // What Debian's /etc/nginx/nginx.conf provides around sites-enabled/, minus the system paths.
  const main_conf = [
    'worker_processes 1;',
    'events { worker_connections 2048; }',
    'http {',
    `    access_log ${path.join(dir, 'access.log')};`,
    `    client_body_temp_path ${path.join(dir, 'body')};`,
    `    proxy_temp_path ${path.join(dir, 'proxy')};`,
    `    fastcgi_temp_path ${path.join(dir, 'fastcgi')};`,
    `    uwsgi_temp_path ${path.join(dir, 'uwsgi')};`,
    `    scgi_temp_path ${path.join(dir, 'scgi')};`,
    '    default_type application/octet-stream;',
    `    include ${path.join(dir, 'broadsheet.conf')};`,
    '}',
    '',
  ].join('\n');
  const conf = path.join(dir, 'nginx.conf');
  await writeFile(conf, main_conf);
  const error_log = path.join(dir, 'error.log');
  const base_args = ['-p', dir, '-c', conf, '-e', error_log];
  const globals = `daemon off; pid ${path.join(dir, 'nginx.pid')}; error_log ${error_log} info;`;
  await run_to_end(config.nginx, [...base_args, '-t', '-g', globals], 10_000);

  const child = spawn(config.nginx, [...base_args, '-g', globals], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const read_error_log = async () => {
    const { readFile } = await import('node:fs/promises');
    return readFile(error_log, 'utf8').catch(() => '');
  };
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`nginx exited ${child.exitCode}:\n${output}\n${await read_error_log()}`);
    const up = await new Promise((resolve) => {
      const socket = net.connect(ready_port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (up) break;
    if (Date.now() > deadline) {
      await stop_process(child);
      throw new Error(`nginx did not listen on ${ready_port} within 10 s:\n${output}\n${await read_error_log()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return { child, dir, error_log: read_error_log };
}

// Builds an index of corpus/, starts the server (2 threads) and nginx in front of it.
// Returns { tmp, config, server_port, server, nginx_port, nginx, server_log(), stop_server(), stop() }.
export async function start_stack() {
  const config = stack_config();
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'broadsheet-deploy-'));
  const index = path.join(tmp, 'index');
  let server = null;
  let nginx = null;
  try {
    await run_to_end(config.indexer, ['build', path.join(config.root, 'corpus'), '--index', index], kIndexTimeoutMs);
    server = await start_server(config.server, [
      '--index', index,
      '--web', path.join(config.root, 'web'),
      '--host', '127.0.0.1',
      '--port', '0',
      '--threads', '2',
    ]);
    const nginx_port = await free_port();
    nginx = await start_nginx(config, path.join(tmp, 'nginx'),
                              ['--listen', `127.0.0.1:${nginx_port}`, '--upstream', `127.0.0.1:${server.port}`],
                              nginx_port);
    return {
      tmp,
      config,
      server_port: server.port,
      nginx_port,
      nginx,
      server_log: () => server.log.text,
      stop_server: () => stop_process(server.child),
      async stop() {
        await stop_process(nginx.child);
        await stop_process(server.child);
        await rm(tmp, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await stop_process(nginx?.child);
    await stop_process(server?.child);
    await rm(tmp, { recursive: true, force: true });
    throw error;
  }
}
