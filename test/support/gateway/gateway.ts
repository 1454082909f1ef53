import { randomBytes, randomInt } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GATEWAY_DEFAULTS, renderKamailioConfig, renderRtpengineConfig, renderTurnserverConfig } from '@gws/gateway';
import { freeLoopbackPort } from '@gws/testing';
import { startDaemon, type DaemonSpec, type TestDaemon } from './daemon';
import { kamailioRpc, ngPing, tcpAccepts } from './probes';
import { stunBinding } from './turn-client';
import { startWssProxy, type TestWssProxy } from './wss-proxy';

/**
 * The SIP gateway for a test: rtpengine, coturn and Kamailio from deploy/gateway/ templates, each in the foreground
 * with its pid file in one temporary directory, on free loopback ports (docs/sip-gateway.md).
 */
export interface GatewayOptions {
  /** The shared DN map's Redis, `redis://127.0.0.1:<port>`. */
  readonly redisUrl: string;
  /** GWS's Redis key prefix (default `gws:`). */
  readonly prefix?: string;
  /** Default gw.open-gws.test. */
  readonly sipDomain?: string;
  /** The SIP Server (the simulator's SIP side), host:port on 127.0.0.2 (not 127.0.0.1: see the Kamailio template). */
  readonly sipServer: string;
  /** Agent DNs (default `^5[0-9]{3}$`). */
  readonly dnPattern?: string | RegExp;
  /** coturn's REST API secret (default random) and realm (default open-gws.test). */
  readonly turn?: { readonly secret?: string; readonly realm?: string };
  /** Also start nginx for WSS in front of Kamailio's WebSocket (`wssUrl`). */
  readonly wss?: boolean;
  /** Kamailio's expiry detection (defaults as deploy renders them). */
  readonly usrlocTimerSeconds?: number;
  readonly wsRemoveDelaySeconds?: number;
  /** How long each daemon may take to serve (default 15 s). */
  readonly timeoutMs?: number;
}

export interface TestGateway {
  readonly sipDomain: string;
  /** Where the SIP Server sends its INVITEs (Kamailio, UDP and TCP). */
  readonly sip: { readonly host: string; readonly port: number };
  readonly sipPort: number;
  /** Kamailio's plain WebSocket, `ws://127.0.0.1:<port>`. */
  readonly wsUrl: string;
  /** With `wss`: `wss://127.0.0.1:<port>/ws` through nginx, and its self-signed certificate. */
  readonly wssUrl?: string;
  readonly wssCertPem?: string;
  /** The management HTTP port, `http://127.0.0.1:<port>` (`/RPC`, `/dn/<dn>/unregister`). */
  readonly mgmtUrl: string;
  readonly turn: {
    readonly host: string;
    readonly port: number;
    readonly secret: string;
    readonly realm: string;
    /** For RTCIceServer.urls. */
    readonly urls: readonly string[];
  };
  readonly rtpengine: { readonly ngPort: number; readonly portMin: number; readonly portMax: number };
  /** Configs, pid files and control sockets. */
  readonly dir: string;
  /** `POST /dn/<dn>/unregister`, as GWS calls it at EndContactCenterSession. */
  kick(dn: string): Promise<{ dn: string; removed: boolean }>;
  /** Stops Kamailio and starts it again on the same config and ports: its registrations (in memory) are gone. */
  restartKamailio(): Promise<void>;
  /** The last `lines` lines of each daemon's output, for a failing test's message. */
  logs(lines?: number): string;
  /** Stops every daemon by pid (Kamailio first) and removes the directory. Idempotent. */
  stop(): Promise<void>;
}

const HOST = '127.0.0.1';
/** Debian's Kamailio (in /usr/sbin, which a non-root PATH may lack). */
export const KAMAILIO_BIN = '/usr/sbin/kamailio';

/** A random block of `size` ports: rtpengine and coturn skip any port already taken within it. */
function portRange(size: number): { min: number; max: number } {
  const min = 20_000 + randomInt(0, 400) * 100;
  return { min, max: min + size - 1 };
}

export async function startGateway(options: GatewayOptions): Promise<TestGateway> {
  const dir = mkdtempSync(join(tmpdir(), 'gws-gateway-'));
  const timeoutMs = options.timeoutMs ?? 15_000;
  const sipDomain = options.sipDomain ?? GATEWAY_DEFAULTS.sipDomain;
  const { sipPort, wsPort, mgmtPort, ngPort, turnPort } = await freePorts([
    'sipPort',
    'wsPort',
    'mgmtPort',
    'ngPort',
    'turnPort',
  ]);
  const media = portRange(100);
  const relay = portRange(100);
  const turn = {
    host: HOST,
    port: turnPort,
    secret: options.turn?.secret ?? randomBytes(18).toString('base64url'),
    realm: options.turn?.realm ?? 'open-gws.test',
    urls: [`turn:${HOST}:${turnPort}?transport=udp`, `turn:${HOST}:${turnPort}?transport=tcp`],
  };
  const daemons: TestDaemon[] = [];
  let wss: TestWssProxy | undefined;
  let stopped = false;
  const stop = async (): Promise<void> => {
    if (stopped) return;
    stopped = true;
    await wss?.stop();
    for (const daemon of daemons.reverse()) await daemon.stop();
    rmSync(dir, { recursive: true, force: true });
  };
  const logs = (lines = 40): string =>
    [...daemons, ...(wss === undefined ? [] : [{ name: 'nginx (WSS)', logs: wss.logs }])]
      .map((daemon) => `--- ${daemon.name}\n${daemon.logs(lines)}`)
      .join('\n');
  const file = (name: string, text: string): string => {
    const path = join(dir, name);
    writeFileSync(path, text, { mode: 0o600 });
    return path;
  };

  try {
    const rtpengineConf = file(
      'rtpengine.conf',
      renderRtpengineConfig({
        interface: HOST,
        ngListen: `${HOST}:${ngPort}`,
        portMin: media.min,
        portMax: media.max,
      }),
    );
    daemons.push(
      await startDaemon({
        name: 'rtpengine',
        command: 'rtpengine',
        args: [`--config-file=${rtpengineConf}`, `--pidfile=${join(dir, 'rtpengine.pid')}`],
        ready: () => ngPing(HOST, ngPort),
        timeoutMs,
      }),
    );

    const turnConf = file(
      'turnserver.conf',
      renderTurnserverConfig({
        listenIp: HOST,
        port: turnPort,
        relayIp: HOST,
        relayPortMin: relay.min,
        relayPortMax: relay.max,
        secret: turn.secret,
        realm: turn.realm,
        runDir: dir,
        allowLoopbackPeers: true,
      }),
    );
    daemons.push(
      await startDaemon({
        name: 'coturn',
        command: 'turnserver',
        args: ['-c', turnConf, '--pidfile', join(dir, 'turnserver.pid')],
        ready: () => stunBinding(HOST, turnPort),
        timeoutMs,
      }),
    );

    const kamailioConf = file(
      'kamailio.cfg',
      renderKamailioConfig({
        listenHost: HOST,
        sipPort,
        wsPort,
        mgmtHost: HOST,
        mgmtPort,
        runDir: dir,
        redisUrl: options.redisUrl,
        sipServer: options.sipServer,
        rtpengineNg: `${HOST}:${ngPort}`,
        sipDomain,
        ...(options.prefix === undefined ? {} : { dnMapPrefix: options.prefix }),
        ...(options.dnPattern === undefined ? {} : { dnPattern: options.dnPattern }),
        ...(options.usrlocTimerSeconds === undefined ? {} : { usrlocTimerSeconds: options.usrlocTimerSeconds }),
        ...(options.wsRemoveDelaySeconds === undefined ? {} : { wsRemoveDelaySeconds: options.wsRemoveDelaySeconds }),
      }),
    );
    const mgmtUrl = `http://${HOST}:${mgmtPort}`;
    const kamailio: DaemonSpec = {
      name: 'kamailio',
      command: KAMAILIO_BIN,
      args: ['-f', kamailioConf, '-DD', '-E', '-m', '64', '-M', '8', '-P', join(dir, 'kamailio.pid')],
      ready: async () => (await tcpAccepts(HOST, wsPort)) && (await kamailioRpc(mgmtUrl, 'core.version')) !== undefined,
      timeoutMs,
    };
    daemons.push(await startDaemon(kamailio));
    const restartKamailio = async (): Promise<void> => {
      const index = daemons.findIndex((daemon) => daemon.name === 'kamailio');
      await daemons[index]!.stop();
      daemons[index] = await startDaemon(kamailio);
    };

    if (options.wss === true) wss = await startWssProxy({ upstream: `${HOST}:${wsPort}`, timeoutMs });

    return {
      sipDomain,
      sip: { host: HOST, port: sipPort },
      sipPort,
      wsUrl: `ws://${HOST}:${wsPort}`,
      ...(wss === undefined ? {} : { wssUrl: wss.url, wssCertPem: wss.certPem }),
      mgmtUrl,
      turn,
      rtpengine: { ngPort, portMin: media.min, portMax: media.max },
      dir,
      kick: async (dn) => {
        const response = await fetch(`${mgmtUrl}/dn/${encodeURIComponent(dn)}/unregister`, {
          method: 'POST',
          signal: AbortSignal.timeout(2000),
        });
        if (response.status !== 200) throw new Error(`kick ${dn}: ${response.status} ${await response.text()}`);
        return (await response.json()) as { dn: string; removed: boolean };
      },
      restartKamailio,
      logs,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** A free loopback port for each name, all different (the kernel may hand the same free port out twice in a row). */
async function freePorts<Name extends string>(names: readonly Name[]): Promise<Record<Name, number>> {
  const ports = new Set<number>();
  while (ports.size < names.length) ports.add(await freeLoopbackPort());
  const values = [...ports];
  return Object.fromEntries(names.map((name, i) => [name, values[i]!])) as Record<Name, number>;
}
