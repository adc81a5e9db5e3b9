// stack.mjs — the real deployment stack for tests/deploy/: the real broadsheet-server over an
// index of corpus/ (tests/support/stack.mjs), and Debian's nginx in front of it running
// deploy/nginx/broadsheet.conf as rendered by deploy/nginx/render.sh (the same template and
// renderer an installation uses). Every wait is bounded. No dependencies beyond Node's own modules.

import { spawn } from 'node:child_process';
import { chmod, mkdir, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';

import { run_to_end, start_indexed_server, stop_process } from '../support/stack.mjs';

export { run_to_end, stop_process };

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
// Returns { tmp, config, server_port, nginx_port, nginx, server_log(), stop_server(), stop() }.
export async function start_stack() {
  const { tmp, config, server } = await start_indexed_server({
    prefix: 'broadsheet-deploy-',
    server_args: ['--threads', '2'],
  });
  let nginx = null;
  try {
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
    await stop_process(server.child);
    await rm(tmp, { recursive: true, force: true });
    throw error;
  }
}
