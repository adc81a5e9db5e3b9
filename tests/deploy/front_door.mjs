// front_door.mjs — the deployment of docs/deploy.md, tested for real: nginx running
// deploy/nginx/broadsheet.conf in front of broadsheet-server over an index of corpus/. It shows
// that slow clients through nginx do not stall searches (and prints the same measured against the
// server directly), that no request-smuggling variant of tests/hostile/smuggling.json gets its
// hidden canary request to the server, that only GET and HEAD pass, that a burst is limited with a
// JSON 429, that TLS works as rendered, and that deploy/systemd/broadsheet.service verifies.
// Every load loop is bounded in count and time; all traffic is on loopback.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { free_port, request, run_to_end, start_nginx, start_stack, stop_process } from './stack.mjs';

const kSlowClients = 200;
const kSlowByteEveryMs = 2_000;
const kLoadRate = 8; // normal requests per second: under nginx's 10 r/s per address
const kLoadSeconds = 10;
const kP99LimitMs = 1_000;
const kQueries = ['q=syria', 'q=ceasefire', 'q=kerry', 'q=regime%20change', 'q=syria&sort=newest', 'q=russia&size=5'];

let stack = null;
const figures = {};

before(async () => {
  stack = await start_stack();
});

after(async () => {
  // Everything measured, in one line a person or a script can pick up.
  console.log(`deploy figures: ${JSON.stringify(figures)}`);
  await stack?.stop();
});

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function error_code(body) {
  return JSON.parse(body)?.error?.code;
}

// Lines of the server's access log ("<METHOD> <path> <status> <ms> ms") matching `pattern`.
function logged(pattern) {
  return stack.server_log().split('\n').filter((line) => pattern.test(line)).length;
}

// Waits (at most `timeout_ms`) until the server's log has a line matching `pattern`.
async function wait_for_log(pattern, timeout_ms = 3_000) {
  const deadline = Date.now() + timeout_ms;
  while (Date.now() < deadline) {
    if (logged(pattern) > 0) return true;
    await sleep(20);
  }
  return false;
}

// Sends `raw` on one connection to `port` and collects what comes back until the peer closes or
// `timeout_ms` passes. Resolves { text, closed }.
function raw_exchange(port, raw, timeout_ms = 3_000) {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    const chunks = [];
    let done = false;
    const finish = (closed) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      socket.destroy();
      resolve({ text: Buffer.concat(chunks).toString('latin1'), closed });
    };
    const timer = setTimeout(() => finish(false), timeout_ms);
    socket.on('connect', () => socket.write(Buffer.from(raw, 'latin1')));
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('end', () => finish(true));
    socket.on('close', () => finish(true));
    socket.on('error', () => finish(true));
  });
}

// 200 connections that each send one byte of a request head every 2 s and never finish it.
// When the other side closes one, it reconnects (a slowloris keeps its connections up), until
// stop(). Counts connections opened and closed by the peer.
function start_slow_clients(port, count) {
  const head = 'GET /api/search?q=syria HTTP/1.1\r\nHost: slow\r\nX-Padding: ' + 'a'.repeat(4_000);
  const state = { stopped: false, opened: 0, closed_by_peer: 0, sockets: new Set(), timers: new Set() };
  const open = (slot) => {
    if (state.stopped) return;
    const socket = net.connect(port, '127.0.0.1');
    state.opened += 1;
    state.sockets.add(socket);
    let sent = 0;
    let timer = null;
    const trickle = () => {
      state.timers.delete(timer);
      if (state.stopped || socket.destroyed) return;
      socket.write(head[sent % head.length]);
      sent += 1;
      timer = setTimeout(trickle, kSlowByteEveryMs);
      state.timers.add(timer);
    };
    socket.on('connect', () => {
      // Spread the bytes of the 200 clients over the 2 s period.
      timer = setTimeout(trickle, (slot * kSlowByteEveryMs) / count);
      state.timers.add(timer);
    });
    socket.on('error', () => {});
    socket.on('close', () => {
      clearTimeout(timer);
      state.timers.delete(timer);
      state.sockets.delete(socket);
      if (state.stopped) return;
      state.closed_by_peer += 1;
      const again = setTimeout(() => {
        state.timers.delete(again);
        open(slot);
      }, 100);
      state.timers.add(again);
    });
  };
  for (let slot = 0; slot < count; slot += 1) open(slot);
  return {
    state,
    stop() {
      state.stopped = true;
      for (const timer of state.timers) clearTimeout(timer);
      for (const socket of state.sockets) socket.destroy();
    },
  };
}

// Open-loop load: `rate` searches per second for `seconds` (so the count is fixed whatever the
// latency), each with its own timeout. Resolves { sent, ok, failed, p50, p99, max, errors }.
async function search_load(port, { rate, seconds, timeout_ms }) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 16 });
  const total = rate * seconds;
  const pending = [];
  for (let i = 0; i < total; i += 1) {
    const query = kQueries[i % kQueries.length];
    pending.push(
      request(port, { path: `/api/search?${query}`, agent, timeout_ms }).then(
        (answer) => ({ ok: answer.status === 200, ms: answer.ms, why: `status ${answer.status}` }),
        (error) => ({ ok: false, ms: NaN, why: error.message }),
      ),
    );
    await sleep(1_000 / rate);
  }
  const results = await Promise.all(pending);
  agent.destroy();
  const times = results.filter((r) => r.ok).map((r) => r.ms).sort((a, b) => a - b);
  const errors = {};
  for (const r of results.filter((r) => !r.ok)) errors[r.why] = (errors[r.why] ?? 0) + 1;
  const round = (x) => (Number.isFinite(x) ? Math.round(x * 10) / 10 : null);
  return {
    sent: total,
    ok: times.length,
    failed: total - times.length,
    p50_ms: round(percentile(times, 50)),
    p99_ms: round(percentile(times, 99)),
    max_ms: round(times.at(-1)),
    errors,
  };
}

// Runs the search load against `port` while 200 slow clients trickle into the same port.
async function load_under_slow_clients(port, timeout_ms) {
  const slow = start_slow_clients(port, kSlowClients);
  try {
    await sleep(kSlowByteEveryMs + 500); // every slow client is connected and has sent a byte
    const load = await search_load(port, { rate: kLoadRate, seconds: kLoadSeconds, timeout_ms });
    return { ...load, slow_connections_opened: slow.state.opened, slow_connections_closed_by_peer: slow.state.closed_by_peer };
  } finally {
    slow.stop();
  }
}

test('the rendered config passes nginx -t and serves search through the proxy', async () => {
  const answer = await request(stack.nginx_port, { path: '/api/search?q=syria' });
  assert.equal(answer.status, 200);
  assert.ok(JSON.parse(answer.body).total >= 1, 'the corpus has an article about Syria');
  assert.equal(answer.headers['x-content-type-options'], 'nosniff');
  assert.equal(answer.headers['strict-transport-security'], undefined, 'no HSTS over plain HTTP');
  assert.equal(answer.headers.server, 'nginx', 'server_tokens off: no version');
  const page = await request(stack.nginx_port, { path: '/' });
  assert.equal(page.status, 200);
  assert.match(page.headers['content-type'], /text\/html/);
});

test('only GET and HEAD pass; any other method gets a JSON 405 from nginx', async () => {
  const head = await request(stack.nginx_port, { method: 'HEAD', path: '/api/health' });
  assert.equal(head.status, 200);
  for (const method of ['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'PROPFIND']) {
    const answer = await request(stack.nginx_port, { method, path: `/api/refused-${method}` });
    assert.equal(answer.status, 405, method);
    assert.match(answer.headers['content-type'], /^application\/json/, method);
    assert.equal(error_code(answer.body), 'method_not_allowed', method);
    assert.equal(answer.headers.allow, 'GET, HEAD', method);
    assert.equal(answer.headers.connection, 'close', `${method}: a refused request ends its connection`);
  }
  // A GET with a body: 413 before the body is read.
  const with_body = await request(stack.nginx_port, {
    path: '/api/refused-body',
    headers: { 'Content-Length': '5' },
    body: 'hello',
  });
  assert.equal(with_body.status, 413);
  assert.equal(error_code(with_body.body), 'too_large');
  assert.equal(logged(/\/api\/refused-/), 0, 'no refused request reached the server');
});

test("nginx's own refusals are JSON like the server's: long URI, huge header, garbage", async () => {
  const cases = [
    { name: 'URI over 8 KiB', raw: `GET /api/search?q=${'a'.repeat(9_000)} HTTP/1.1\r\nHost: a\r\n\r\n`, status: 414, code: 'too_large' },
    { name: 'header line over 8 KiB', raw: `GET / HTTP/1.1\r\nHost: a\r\nX-Big: ${'a'.repeat(9_000)}\r\n\r\n`, status: 400, code: 'too_large' },
    { name: 'not HTTP', raw: 'HELLO THERE\r\n\r\n', status: 400, code: 'bad_request' },
  ];
  for (const c of cases) {
    const { text, closed } = await raw_exchange(stack.nginx_port, c.raw);
    assert.match(text, new RegExp(`^HTTP/1\\.1 ${c.status} `), c.name);
    assert.match(text, /\r\nContent-Type: application\/json\r\n/, c.name);
    assert.equal(error_code(text.slice(text.indexOf('\r\n\r\n') + 4)), c.code, c.name);
    assert.ok(closed, `${c.name}: the connection is closed`);
  }
});

test('no smuggling variant gets its hidden canary request to the server', async (t) => {
  const file = JSON.parse(await readFile(path.join(stack.config.root, 'tests', 'hostile', 'smuggling.json'), 'utf8'));
  const canary = file.canary;
  const canary_bytes = Buffer.byteLength(canary, 'latin1');
  // The canary is "GET /api/health" with "Host: canary"; nothing else asks for /api/health while
  // this test runs, so any such line in the server's access log is a canary that got through.
  const canary_line = /\bGET \/api\/health \d{3}\b/;
  assert.equal(file.variants.length, 21);
  // Every variant is sent first and its outcome recorded; the assertions come after, so a failure
  // still shows what each variant got.
  const outcomes = [];
  for (const [i, variant] of file.variants.entries()) {
    const raw = variant.raw
      .replaceAll('{CANARY}', canary)
      .replaceAll('{LEN}', String(canary_bytes))
      .replaceAll('{HEX}', canary_bytes.toString(16));
    const before_count = logged(canary_line);
    const { text, closed } = await raw_exchange(stack.nginx_port, raw);
    // Then a marker request on a fresh connection: once the server has logged it, whatever nginx
    // forwarded for the variant has been logged too (a small grace period covers reordering).
    const marker = `/api/marker-${i}`;
    await request(stack.nginx_port, { path: marker });
    const marker_seen = await wait_for_log(new RegExp(`GET ${marker} 404`));
    await sleep(100);
    const statuses = [...text.matchAll(/HTTP\/1\.[01] (\d{3})/g)].map((m) => Number(m[1]));
    const body = statuses.length ? text.slice(text.indexOf('\r\n\r\n') + 4) : '';
    let json_code = null;
    try {
      json_code = body ? error_code(body) : null;
    } catch {
      json_code = null;
    }
    const json_type = /\r\nContent-Type: application\/json\r\n/i.test(text);
    outcomes.push({ name: variant.name, head: raw.startsWith('HEAD '), statuses, json_code, json_type, closed, marker_seen,
                    arrived: logged(canary_line) - before_count });
  }
  for (const o of outcomes) {
    t.diagnostic(`${o.name}: ${o.statuses.join(',') || 'no answer'} ${o.json_code ?? ''}${o.closed ? ', closed' : ', left open'}; canaries at the server: ${o.arrived}`);
  }
  for (const o of outcomes) {
    assert.ok(o.marker_seen, `${o.name}: the marker request after it reached the server`);
    assert.equal(o.arrived, 0, `${o.name}: the canary reached the server (nginx answered ${o.statuses.join(',')})`);
    // One refusal (4xx, or 501 for a transfer coding nginx does not implement), never a 200.
    assert.equal(o.statuses.length, 1, `${o.name}: exactly one answer (got ${o.statuses.join(',') || 'none'})`);
    assert.ok(o.statuses[0] >= 400 && o.statuses[0] <= 501, `${o.name}: answered ${o.statuses[0]}`);
    // (The answer to a HEAD has the JSON type but no body.)
    assert.ok(o.json_type && (o.json_code || o.head), `${o.name}: the refusal is JSON`);
    assert.ok(o.closed, `${o.name}: nginx closes the connection after refusing`);
  }
  const refused = outcomes.filter((o) => o.arrived === 0).length;
  const summary = outcomes.map((o) => `${o.name} ${o.statuses.join(',')}`);
  figures.smuggling = { variants: file.variants.length, canary_reached_server: outcomes.reduce((n, o) => n + o.arrived, 0), refused, answers: summary };
});

test('200 slow clients through nginx do not stall searches', async (t) => {
  // Baseline first, without slow clients.
  figures.nginx_idle = await search_load(stack.nginx_port, { rate: kLoadRate, seconds: 3, timeout_ms: 5_000 });
  const loaded = await load_under_slow_clients(stack.nginx_port, 5_000);
  figures.nginx_slow_clients = loaded;
  t.diagnostic(`via nginx, idle: ${JSON.stringify(figures.nginx_idle)}`);
  t.diagnostic(`via nginx, ${kSlowClients} slow clients: ${JSON.stringify(loaded)}`);
  assert.equal(loaded.failed, 0, `every search answers through nginx: ${JSON.stringify(loaded.errors)}`);
  assert.ok(loaded.p99_ms < kP99LimitMs, `p99 ${loaded.p99_ms} ms through nginx under ${kSlowClients} slow clients`);
  // nginx's 10 s whole-header deadline closed the slow clients (they reconnected, as an attacker would).
  assert.ok(loaded.slow_connections_closed_by_peer >= kSlowClients, 'nginx closes clients that never finish a request head');
});

test('a burst over the rate limit gets JSON 429 from nginx', async () => {
  // The searches before stayed under 10 r/s, so the limiter's bucket is (nearly) empty.
  await sleep(1_000);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 10 }); // under limit_conn's 20
  const answers = await Promise.all(
    Array.from({ length: 120 }, () => request(stack.nginx_port, { path: '/api/suggest?q=ker', agent, timeout_ms: 5_000 })),
  );
  agent.destroy();
  const by_status = {};
  for (const a of answers) by_status[a.status] = (by_status[a.status] ?? 0) + 1;
  figures.burst_120 = by_status;
  assert.ok((by_status[200] ?? 0) >= 40, `the burst allowance passes: ${JSON.stringify(by_status)}`);
  assert.ok((by_status[429] ?? 0) >= 20, `the rest is limited: ${JSON.stringify(by_status)}`);
  assert.equal((by_status[200] ?? 0) + (by_status[429] ?? 0), 120, JSON.stringify(by_status));
  const limited = answers.find((a) => a.status === 429);
  assert.match(limited.headers['content-type'], /^application\/json/);
  assert.equal(error_code(limited.body), 'rate_limited');
  assert.equal(limited.headers['retry-after'], '1');
});

test('TLS as rendered with --cert/--key: HTTPS with HSTS, plain HTTP redirects', async (t) => {
  let openssl = null;
  try {
    openssl = execFileSync('sh', ['-c', 'command -v openssl'], { encoding: 'utf8' }).trim();
  } catch {
    openssl = null;
  }
  if (!openssl) {
    t.skip('openssl is not installed (scripts/install-deps.sh --test installs it)');
    return;
  }
  const dir = path.join(stack.tmp, 'nginx-tls');
  await mkdir(dir, { recursive: true });
  const cert = path.join(dir, 'cert.pem');
  const key = path.join(dir, 'key.pem');
  await run_to_end(openssl, ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert,
                             '-days', '1', '-subj', '/CN=localhost'], 30_000);
  const http_port = await free_port();
  const tls_port = await free_port();
  const nginx = await start_nginx(stack.config, dir, [
    '--listen', `127.0.0.1:${http_port}`, '--upstream', `127.0.0.1:${stack.server_port}`,
    '--tls-listen', `127.0.0.1:${tls_port}`, '--cert', cert, '--key', key,
  ], tls_port);
  try {
    const answer = await new Promise((resolve, reject) => {
      const req = https.get({ host: '127.0.0.1', port: tls_port, path: '/api/health', rejectUnauthorized: false, timeout: 5_000 }, (res) => {
        let body = '';
        res.on('data', (chunk) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body }));
      });
      req.on('timeout', () => req.destroy(new Error('no HTTPS answer within 5 s')));
      req.on('error', reject);
    });
    assert.equal(answer.status, 200);
    assert.equal(answer.headers['strict-transport-security'], 'max-age=63072000');
    const plain = await request(http_port, { path: '/api/search?q=syria' });
    assert.equal(plain.status, 301);
    assert.match(plain.headers.location, /^https:\/\/127\.0\.0\.1\/api\/search\?q=syria$/);
  } finally {
    await stop_process(nginx.child);
  }
});

test('deploy/systemd/broadsheet.service passes systemd-analyze verify', async (t) => {
  let analyze = null;
  try {
    analyze = execFileSync('sh', ['-c', 'command -v systemd-analyze'], { encoding: 'utf8' }).trim();
  } catch {
    analyze = null;
  }
  if (!analyze) {
    t.skip('systemd-analyze is not installed (Debian package systemd; scripts/install-deps.sh --test installs it)');
    return;
  }
  const unit = await readFile(path.join(stack.config.root, 'deploy', 'systemd', 'broadsheet.service'), 'utf8');
  assert.match(unit, /^ExecStart=\/usr\/local\/bin\/broadsheet-server .*--host 127\.0\.0\.1/m);
  // verify insists the ExecStart binary exists: point it at the one just built, nothing else changed.
  const dir = path.join(stack.tmp, 'systemd');
  await mkdir(dir, { recursive: true });
  const copy = path.join(dir, 'broadsheet.service');
  await writeFile(copy, unit.replace('ExecStart=/usr/local/bin/broadsheet-server', `ExecStart=${stack.config.server}`));
  // verify exits 0 on unknown keys and bad values, only warning: any output is a failure.
  const { stdout, stderr } = await run_to_end(analyze, ['verify', '--man=no', copy], 30_000);
  assert.equal(`${stdout}${stderr}`.trim(), '', 'systemd-analyze verify has nothing to say');
  // How exposed the sandbox leaves the service, as systemd rates it (0 best … 10 worst).
  const security = await run_to_end(analyze, ['security', '--offline=yes', '--no-pager', copy], 30_000).catch((e) => ({ stdout: e.message }));
  const rating = /Overall exposure level for \S+: ([\d.]+)/.exec(security.stdout + (security.stderr ?? ''));
  if (rating) {
    figures.systemd_exposure = Number(rating[1]);
    t.diagnostic(`systemd-analyze security: exposure ${rating[1]}`);
    assert.ok(Number(rating[1]) <= 2.0, `exposure ${rating[1]}`);
  }
});

test('directly against the server, the same slow clients (measured, not asserted)', async (t) => {
  // The server's own handling of slow clients is being changed separately: this records it.
  const direct = await load_under_slow_clients(stack.server_port, 3_000);
  figures.direct_slow_clients = direct;
  t.diagnostic(`direct, ${kSlowClients} slow clients: ${JSON.stringify(direct)}`);
  assert.equal(direct.sent, kLoadRate * kLoadSeconds);
});

test('with the server down, nginx answers a JSON 502', async () => {
  await stack.stop_server();
  const answer = await request(stack.nginx_port, { path: '/api/search?q=syria' });
  assert.equal(answer.status, 502);
  assert.match(answer.headers['content-type'], /^application\/json/);
  assert.equal(error_code(answer.body), 'unavailable');
});
