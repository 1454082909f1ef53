import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'yaml';
import { type EmbeddedPlatform } from '../apps/gws/src/embedded/embedded-platform';
import { renderPrivateNginxConfig, renderUpstreamServers } from '../deploy/render-nginx-config';
import { loopbackSimulatorEnv, startGwsNodeProcess, type GwsNodeProcess } from './support/gws-node-process';
import { NGINX_BIN, startNginx, type TestNginx } from './support/nginx-server';
import { portsOf, startLoopbackSimulators } from './support/loopback-simulators';

const run = promisify(execFile);

/** A plain HTTP server on a loopback port answering every request with `status` and its own name. */
async function namedServer(name: string, status = 200): Promise<{ server: Server; upstream: string }> {
  const server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      response.statusCode = status;
      response.setHeader('content-type', 'application/json');
      response.end(JSON.stringify({ name }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, upstream: `127.0.0.1:${(server.address() as AddressInfo).port}` };
}

async function close(server: Server): Promise<void> {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
}

/**
 * Who answered `count` requests in a row, and with which status; `sessionId`: with that JSESSIONID cookie. Each
 * request on a connection of its own: a kept-alive connection to a worker that a reload is retiring is closed under
 * the next request ("other side closed"), which says nothing about the upstreams.
 */
async function answers(url: string, count: number, method = 'GET', sessionId?: string): Promise<string[]> {
  const seen: string[] = [];
  const headers: Record<string, string> = sessionId === undefined ? {} : { cookie: `JSESSIONID=${sessionId}` };
  for (let i = 0; i < count; i++) {
    const { status, contentType, text } = await requestOnce(url, method, headers, method === 'POST' ? '{}' : undefined);
    const name = contentType === 'application/json' ? (JSON.parse(text) as { name: string }).name : 'nginx';
    seen.push(`${status} ${name}`);
  }
  return seen;
}

function requestOnce(
  url: string,
  method: string,
  headers: Record<string, string>,
  body: string | undefined,
): Promise<{ status: number; contentType: string | undefined; text: string }> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(url, { method, headers, agent: false }, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (text += chunk));
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 0, contentType: response.headers['content-type'], text }),
      );
    });
    request.on('error', reject);
    request.end(body);
  });
}

describe('nginx in front of GWS nodes (deploy/nginx/gws.conf.template)', () => {
  let nginx: TestNginx | undefined;
  const servers: Server[] = [];

  afterEach(async () => {
    await nginx?.stop();
    nginx = undefined;
    await Promise.all(servers.splice(0).map(close));
  });

  async function nodes(...specs: [string, number?][]): Promise<string[]> {
    const started = await Promise.all(specs.map(([name, status]) => namedServer(name, status)));
    servers.push(...started.map(({ server }) => server));
    return started.map(({ upstream }) => upstream);
  }

  it('takes turns between the nodes, and sends everything, POSTs too, to the live one when one stops', async () => {
    const [a, b] = await nodes(['a'], ['b']);
    nginx = await startNginx({ upstreams: [a!, b!], listenAllAddresses: true });
    // Every loopback address reaches it (CometD test browsers each use their own).
    const turns = await answers(`http://127.0.0.2:${nginx.port}/api/v2/me`, 6);
    expect(new Set(turns)).toEqual(new Set(['200 a', '200 b']));
    for (let i = 1; i < turns.length; i++) expect(turns[i]).not.toBe(turns[i - 1]);

    await close(servers[0]!);
    expect(await answers(`${nginx.url}/api/v2/me`, 4)).toEqual(Array(4).fill('200 b'));
    expect(await answers(`${nginx.url}/api/v2/me/devices/d1`, 4, 'POST')).toEqual(Array(4).fill('200 b'));
  });

  it('moves past a node answering 503 (draining), and passes GWS 503 through when every node answers it', async () => {
    const [draining, live] = await nodes(['draining', 503], ['live']);
    nginx = await startNginx({ upstreams: [draining!, live!] });
    expect(await answers(`${nginx.url}/api/v2/me`, 4, 'POST')).toEqual(Array(4).fill('200 live'));

    const [down1, down2] = await nodes(['down1', 503], ['down2', 503]);
    await nginx.reload([down1!, down2!]);
    // Not nginx's own 502 "no live upstreams": the backup lines keep both nodes answering.
    const outage = await answers(`${nginx.url}/api/v2/me`, 6);
    expect(outage.every((answer) => /^503 down[12]$/.test(answer))).toBe(true);
  });

  it('renders the cookie hash with each node once when sticky, round robin with backups otherwise; nginx -t takes both', async () => {
    const prefix = mkdtempSync(join(tmpdir(), 'gws-nginx-t-'));
    try {
      for (const sticky of [false, true]) {
        const conf = renderPrivateNginxConfig({
          prefix,
          listen: '127.0.0.1:8080',
          upstreams: ['127.0.0.1:8081', '127.0.0.1:8082'],
          sticky,
          root: process.getuid?.() === 0,
        });
        expect(/^\s*hash \$gws_affinity consistent;$/m.test(conf)).toBe(sticky);
        expect(/^\s*map \$cookie_JSESSIONID \$gws_affinity \{$/m.test(conf)).toBe(sticky);
        expect(conf.match(/^\s*server \S+ max_fails=1 fail_timeout=5s;$/gm)).toHaveLength(2);
        expect(conf.match(/^\s*server \S+ backup max_fails=0;$/gm) ?? []).toHaveLength(sticky ? 0 : 2);
        const file = join(prefix, `nginx-${sticky ? 'sticky' : 'round-robin'}.conf`);
        writeFileSync(file, conf);
        await run(NGINX_BIN, ['-t', '-q', '-p', prefix, '-e', join(prefix, 'error.log'), '-c', file]);
      }
    } finally {
      rmSync(prefix, { recursive: true, force: true });
    }
  });

  it('with sticky, sends every request of one JSESSIONID to one node while it lives, and spreads sessions over both', async () => {
    const [a, b] = await nodes(['a'], ['b']);
    nginx = await startNginx({ upstreams: [a!, b!], sticky: true });
    const sessions = Array.from({ length: 16 }, (_, i) => `session-${i}`);
    const homes = new Map<string, string>();
    for (const session of sessions) {
      const seen = await answers(`${nginx.url}/api/v2/me`, 4, 'GET', session);
      expect(new Set(seen).size).toBe(1);
      homes.set(session, seen[0]!);
    }
    expect(new Set(homes.values())).toEqual(new Set(['200 a', '200 b']));
    // Without the cookie (the first login), by request id: not all to one node.
    expect(new Set(await answers(`${nginx.url}/api/v2/me`, 40))).toEqual(new Set(['200 a', '200 b']));

    // a stops: its sessions move to b, b's stay.
    await close(servers[0]!);
    for (const session of sessions) {
      expect(await answers(`${nginx.url}/api/v2/me/devices/d1`, 2, 'POST', session)).toEqual(['200 b', '200 b']);
    }
  });

  it("with sticky, answers nginx's 502 once every node has answered 503 (no backups)", async () => {
    const [down1, down2] = await nodes(['down1', 503], ['down2', 503]);
    nginx = await startNginx({ upstreams: [down1!, down2!], sticky: true });
    const outage = await answers(`${nginx.url}/api/v2/me`, 4, 'GET', 'session-1');
    // The first request tries both nodes and passes the last 503 on; both are then out for fail_timeout.
    expect(outage[0]).toMatch(/^503 down[12]$/);
    expect(outage.slice(1)).toEqual(Array(3).fill('502 nginx'));
  });

  it('docker-compose.yml gives nginx the upstream lines the renderer writes', () => {
    const compose = parse(readFileSync(join(__dirname, '..', 'docker-compose.yml'), 'utf8')) as {
      services: Record<string, { environment?: Record<string, string> }>;
    };
    const servers = compose.services.nginx?.environment?.GWS_UPSTREAM_SERVERS ?? '';
    expect(
      servers
        .trim()
        .split(/\s*;\s*/)
        .filter(Boolean)
        .map((line) => `${line};`),
    ).toEqual(renderUpstreamServers(['gws1:8080', 'gws2:8080']));
  });
});

describe('npm run start:node', () => {
  it('refuses to start without its T-Server and Configuration Server, in one line', async () => {
    const failed = await run(process.execPath, [join(__dirname, '..', 'deploy', 'check-node-env.mjs')], {
      env: { PATH: process.env.PATH, TSERVER_PRIMARY: 'tserver:5025' },
    }).then(
      () => undefined,
      (error: { code: number; stderr: string }) => error,
    );
    expect(failed?.code).toBe(1);
    expect(failed?.stderr.trim().split('\n')).toEqual([expect.stringContaining('CONFSERV_ENDPOINTS')]);
  });
});

describe('GWS nodes as processes of their own, behind nginx', () => {
  let simulators: EmbeddedPlatform;
  let nodes: GwsNodeProcess[] = [];
  let nginx: TestNginx;
  const basic = { authorization: `Basic ${Buffer.from('agent1:password').toString('base64')}` };

  beforeAll(async () => {
    simulators = await startLoopbackSimulators();
    const env = loopbackSimulatorEnv(portsOf(simulators));
    nodes = await Promise.all([startGwsNodeProcess(env), startGwsNodeProcess(env)]);
    nginx = await startNginx({ upstreams: nodes.map((node) => `127.0.0.1:${node.port}`) });
  }, 90_000);

  afterAll(async () => {
    await nginx?.stop();
    await Promise.all(nodes.map((node) => node.kill()));
    await simulators?.close();
  });

  const me = async (init: RequestInit = {}): Promise<number> => (await fetch(`${nginx.url}/api/v2/me`, init)).status;

  it('are ready with both platform links up', async () => {
    for (const node of nodes) {
      const ready = await fetch(`${node.url}/health/ready`);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toMatchObject({ status: 'ready', tserver: { status: 'connected' } });
    }
  });

  it('answer through nginx as `npm start` answers: /api/v2/me with Basic credentials, 400 to malformed JSON', async () => {
    const answer = await fetch(`${nginx.url}/api/v2/me`, { headers: basic });
    expect(answer.status).toBe(200);
    expect(await answer.json()).toMatchObject({ statusCode: 0, user: { userName: 'agent1' } });
    for (let i = 0; i < 3; i++) expect(await me({ headers: basic })).toBe(200);
    const malformed = { method: 'POST', headers: { ...basic, 'content-type': 'application/json' }, body: '{bad' };
    expect(await me(malformed)).toBe(400);
  });

  it('end on kill() with SIGKILL (nginx goes on with the other node) and on terminate() with SIGTERM', async () => {
    const [first, second] = nodes as [GwsNodeProcess, GwsNodeProcess];
    expect(await first.kill()).toEqual({ code: null, signal: 'SIGKILL' });
    for (let i = 0; i < 4; i++) expect(await me({ headers: basic })).toBe(200);
    expect(await second.terminate()).toEqual({ code: 0, signal: null });
    expect(await me({ headers: basic })).toBe(502);
  });
});
