import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { ConfServClient } from '@gws/confserv';
import { statusTurns } from '@gws/testing';
import type { TServerClient } from '@gws/tserver-client';
import { CONFSERV_CLIENT, TSERVER_CLIENT } from '../apps/gws/src/platform/platform.tokens';
import { loopbackGwsConfig, startGwsNode, type LoopbackSimulators } from './support/gws-node';
import { GwsRestAgent, type GwsAnswer } from './support/gws-rest-agent';

/**
 * A simulator in a child process of its own (`node --import tsx`, one process, so SIGSTOP stops the very process
 * that owns the sockets): hung with SIGSTOP, the kernel still accepts connections and takes bytes, but nothing is
 * ever answered, as with a hung server.
 */
class SimulatorProcess {
  private exited = false;

  private constructor(
    private readonly child: ChildProcess,
    readonly listening: Record<string, unknown>,
  ) {
    child.once('exit', () => (this.exited = true));
  }

  /** Starts `script` and resolves with its JSON log line `readyMessage` (which names its ports). */
  static start(script: string, env: Record<string, string>, readyMessage: string): Promise<SimulatorProcess> {
    const child = spawn(process.execPath, ['--import', 'tsx', script], {
      cwd: join(__dirname, '..'),
      env: { ...process.env, ...env, LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const stderr: string[] = [];
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk.toString()));
    return new Promise<SimulatorProcess>((resolve, reject) => {
      const timer = setTimeout(() => fail(new Error(`${script} did not start within 20 s`)), 20_000);
      const fail = (error: Error): void => {
        clearTimeout(timer);
        child.kill('SIGKILL');
        reject(new Error(`${error.message}\n${stderr.join('')}`));
      };
      child.once('exit', (code, signal) => fail(new Error(`${script} exited (${code ?? signal}) before listening`)));
      // Every line is read to the end, so a chatty simulator never blocks on a full pipe.
      createInterface({ input: child.stdout }).on('line', (line) => {
        const entry = parseJson(line);
        if (entry?.['msg'] !== readyMessage) return;
        clearTimeout(timer);
        child.removeAllListeners('exit');
        resolve(new SimulatorProcess(child, entry));
      });
    });
  }

  port(field: string): number {
    return Number(String(this.listening[field]).split(':').at(-1));
  }

  hang(): void {
    this.child.kill('SIGSTOP');
  }

  resume(): void {
    this.child.kill('SIGCONT');
  }

  /** Resumes (a stopped process cannot handle SIGTERM), then stops it, with SIGKILL after a bounded wait. */
  async stop(): Promise<void> {
    if (this.exited) return;
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    this.child.kill('SIGCONT');
    this.child.kill('SIGTERM');
    const killer = setTimeout(() => this.child.kill('SIGKILL'), 3000);
    await exited;
    clearTimeout(killer);
  }
}

function parseJson(line: string): Record<string, unknown> | undefined {
  try {
    return JSON.parse(line) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}

/** A GWS node in this process, and its two platform clients to watch. */
interface GwsNode {
  readonly app: NestExpressApplication;
  readonly baseUrl: string;
  readonly confserv: ConfServClient;
  readonly tserver: TServerClient;
}

async function startNode(simulators: LoopbackSimulators, env: Record<string, string>): Promise<GwsNode> {
  const { app, port } = await startGwsNode(loopbackGwsConfig(simulators, env));
  return {
    app,
    baseUrl: `http://127.0.0.1:${port}`,
    confserv: app.get<ConfServClient>(CONFSERV_CLIENT),
    tserver: app.get<TServerClient>(TSERVER_CLIENT),
  };
}

const notConnected = (status: string): boolean => status !== 'connected';
const connected = (status: string): boolean => status === 'connected';

async function readiness(node: GwsNode): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${node.baseUrl}/health/ready`, { signal: AbortSignal.timeout(5000) });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** `GET /api/v2/me` with Basic, as a desktop logs in; the answer whatever it is, and how long it took. */
async function tryLogin(node: GwsNode, userName: string): Promise<GwsAnswer & { elapsedMs: number }> {
  const started = Date.now();
  const agent = new GwsRestAgent(node.baseUrl, userName);
  const answer = await agent.request('GET', '/api/v2/me', undefined, { basic: true, timeoutMs: 10_000 });
  return { ...answer, elapsedMs: Date.now() - started };
}

const UNAVAILABLE = { statusCode: 4, statusMessage: 'Configuration Server is unavailable; try again shortly' };
const LOGIN_TIMEOUT_MS = 2000;

describe('GWS and a Configuration Server or T-Server that stops answering (SIGSTOP)', () => {
  let confservSim: SimulatorProcess | undefined;
  let tserverSim: SimulatorProcess | undefined;
  /** ADDP on the Configuration Server link at 1 s, and on the T-Server link at 1 s. */
  let addpNode: GwsNode | undefined;
  /** ADDP off on the Configuration Server link: only the request timeout can notice the hang. */
  let timeoutNode: GwsNode | undefined;

  beforeAll(async () => {
    [confservSim, tserverSim] = await Promise.all([
      SimulatorProcess.start(
        'apps/confserv-sim/src/main.ts',
        { CONFSERV_HOST: '127.0.0.1', CONFSERV_PORT: '0', CONFSERV_ADMIN_PORT: '0' },
        'Configuration Server simulator listening',
      ),
      SimulatorProcess.start(
        'apps/tserver-sim/src/main.ts',
        { TSERVER_HOST: '127.0.0.1', TSERVER_PORT: '0', TSERVER_BACKUP_PORT: '0', SIM_CONTROL_PORT: '0' },
        'T-Server simulator listening',
      ),
    ]);
    const simulators: LoopbackSimulators = {
      confserv: confservSim.port('confserv'),
      tserverPrimary: tserverSim.port('primary'),
      tserverBackup: tserverSim.port('backup'),
    };
    const timeouts = {
      CONFSERV_LOGIN_TIMEOUT_SECONDS: String(LOGIN_TIMEOUT_MS / 1000),
      CONFSERV_REQUEST_TIMEOUT_SECONDS: '3',
    };
    [addpNode, timeoutNode] = await Promise.all([
      startNode(simulators, { ...timeouts, CONFSERV_ADDP_TIMEOUT_SECONDS: '1', TSERVER_ADDP_TIMEOUT_SECONDS: '1' }),
      startNode(simulators, { ...timeouts, CONFSERV_ADDP_TIMEOUT_SECONDS: '0' }),
    ]);
  }, 30_000);

  afterAll(async () => {
    await Promise.all([addpNode?.app.close(), timeoutNode?.app.close()]);
    await Promise.all([confservSim?.stop(), tserverSim?.stop()]);
  }, 15_000);

  it('answers logins 503 "unavailable" (never 500), turns readiness false while hung and true again after SIGCONT', async () => {
    const [a, b] = [addpNode!, timeoutNode!];
    const agent1 = new GwsRestAgent(a.baseUrl, 'agent1');
    await agent1.login();
    expect((await readiness(a)).status).toBe(200);
    expect((await readiness(b)).status).toBe(200);

    // Node A sends nothing from here on: only ADDP can tell it that the server stopped answering.
    const addpNoticed = statusTurns(a.confserv, notConnected, 5000, 'ADDP to close the Configuration Server link');
    const timeoutNoticed = statusTurns(b.confserv, notConnected, 5000, 'the silent login to close the link');
    confservSim!.hang();
    try {
      await checkWhileConfServHung(a, b, agent1, addpNoticed, timeoutNoticed);
    } catch (error) {
      for (const noticed of [addpNoticed, timeoutNoticed]) noticed.catch(() => undefined);
      confservSim!.resume();
      throw error;
    }

    const aBack = statusTurns(a.confserv, connected, 15_000, 'node A to register again');
    const bBack = statusTurns(b.confserv, connected, 15_000, 'node B to register again');
    confservSim!.resume();
    await Promise.all([aBack, bBack]);
    expect(await readiness(a)).toMatchObject({ status: 200, body: { status: 'ready' } });
    expect(await readiness(b)).toMatchObject({ status: 200, body: { status: 'ready' } });
    expect((await tryLogin(a, 'agent7')).status).toBe(200);
    expect((await tryLogin(b, 'agent6')).status).toBe(200);
    const settingsBack = await agent1.get('/api/v2/settings/general-settings');
    expect(settingsBack.body).toMatchObject({ statusCode: 0, settings: { countryCode: 'US' } });
  }, 30_000);

  /** What both nodes answer while Configuration Server is stopped; a failure here still resumes it (above). */
  async function checkWhileConfServHung(
    a: GwsNode,
    b: GwsNode,
    agent1: GwsRestAgent,
    addpNoticed: Promise<string>,
    timeoutNoticed: Promise<string>,
  ): Promise<void> {
    // Node B still believes its link is up: the login's first request times out after the login timeout.
    const hungLogin = await tryLogin(b, 'agent6');
    expect({ status: hungLogin.status, body: hungLogin.body }).toEqual({ status: 503, body: UNAVAILABLE });
    expect(hungLogin.elapsedMs).toBeLessThan(LOGIN_TIMEOUT_MS + 1500);
    await timeoutNoticed;
    const bNotReady = await readiness(b);
    expect(bNotReady.status).toBe(503);
    expect(bNotReady.body).toMatchObject({ status: 'not-ready', tserver: { status: 'connected' } });
    expect(bNotReady.body['confserv']).not.toEqual({ status: 'connected' });
    // The link is known down now: the next login is refused at once instead of waiting out a timeout.
    const fastLogin = await tryLogin(b, 'agent6');
    expect({ status: fastLogin.status, body: fastLogin.body }).toEqual({ status: 503, body: UNAVAILABLE });
    expect(fastLogin.elapsedMs).toBeLessThan(1000);

    await addpNoticed;
    const aNotReady = await readiness(a);
    expect(aNotReady.status).toBe(503);
    expect(aNotReady.body['confserv']).not.toEqual({ status: 'connected' });
    const metrics = await (await fetch(`${a.baseUrl}/metrics`)).text();
    expect(metrics).toContain('gws_platform_link_up{server="confserv"} 0');
    const aLogin = await tryLogin(a, 'agent7');
    expect({ status: aLogin.status, body: aLogin.body }).toEqual({ status: 503, body: UNAVAILABLE });
    expect(aLogin.elapsedMs).toBeLessThan(1000);
    // Other reads of Configuration Server: a clear 503 as well.
    const settings = await agent1.get('/api/v2/settings/general-settings');
    expect({ status: settings.status, body: settings.body }).toEqual({ status: 503, body: UNAVAILABLE });
    const otherPlace = await agent1.post('/api/v2/me', {
      operationName: 'StartContactCenterSession',
      channels: ['voice'],
      place: 'Place_5003',
    });
    expect({ status: otherPlace.status, body: otherPlace.body }).toEqual({ status: 503, body: UNAVAILABLE });
  }

  it('turns readiness false while T-Server is hung (ADDP on the T-Server link) and true again after SIGCONT', async () => {
    const a = addpNode!;
    const agent2 = new GwsRestAgent(a.baseUrl, 'agent2');
    await agent2.login();
    expect((await readiness(a)).status).toBe(200);

    const noticed = statusTurns(a.tserver, notConnected, 5000, 'ADDP to close the T-Server link');
    tserverSim!.hang();
    try {
      await noticed;
      const notReady = await readiness(a);
      expect(notReady.status).toBe(503);
      expect(notReady.body).toMatchObject({ status: 'not-ready', confserv: { status: 'connected' } });
      const start = await agent2.startContactCenterSession();
      expect(start.status).toBe(503);
      expect(start.body['statusCode']).toBe(4);
      expect(start.body['statusMessage']).toMatch(/^T-Server is unavailable/);
    } catch (error) {
      tserverSim!.resume();
      throw error;
    }

    const back = statusTurns(a.tserver, connected, 15_000, 'T-Server to register again');
    tserverSim!.resume();
    await back;
    expect(await readiness(a)).toMatchObject({ status: 200, body: { status: 'ready' } });
  }, 30_000);
});
