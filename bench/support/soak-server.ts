/**
 * The server under test of `bench/soak.ts`, forked with IPC: in ONE process, as `npm start` runs them, both simulators
 * (EmbeddedPlatform on free 127.0.0.1 ports, the T-Server control API on a free port too) and a GWS node with the
 * default limits listening on 0.0.0.0:<free port>, with the process guards `npm start` installs (counted here, since
 * an error that reaches them would have ended the process without them). Answers `ready` with its ports and `stats`
 * on demand; exits on `stop` or when the parent goes away. Nothing is written to stdout.
 *
 * GWS is loaded as every bench child loads it (`loadBenchGws`, bench-gws.ts: NestJS shared between the ES module and
 * CommonJS loaders, compiled by swc), so that it answers as `npm start` does.
 */
import { createRequire } from 'node:module';
import type { SessionStore } from '@gws/stores';
import type { silentLogger as SilentLogger } from '@gws/framed-link';
import type * as ProcessGuards from '../../apps/gws/src/bootstrap/process-guards';
import type { EmbeddedPlatform as EmbeddedPlatformClass } from '../../apps/gws/src/embedded/embedded-platform';
import type * as SessionServiceModule from '../../apps/gws/src/sessions/session.service';
import { exitOnStop, failChild } from './bench-child';
import { loadBenchGws } from './bench-gws';
import { settleHeap } from './events-usage';
import { isSoakCommand, type SoakCommand, type SoakServerMessage } from './soak-protocol';

/** GWS and the simulators, loaded as every bench child loads GWS (loadBenchGws, bench-gws.ts). */
async function loadServer() {
  const { notifications, loopbackGwsConfig, startGwsNode } = await loadBenchGws();
  const load = createRequire(__filename);
  return {
    notifications,
    loopbackGwsConfig,
    startGwsNode,
    ...(load('../../apps/gws/src/embedded/embedded-platform') as { EmbeddedPlatform: typeof EmbeddedPlatformClass }),
    ...(load('../../apps/gws/src/sessions/session.service') as typeof SessionServiceModule),
    ...(load('../../apps/gws/src/bootstrap/process-guards') as typeof ProcessGuards),
    ...(load('@gws/framed-link') as { silentLogger: typeof SilentLogger }),
  };
}

const MB = 1024 * 1024;

function send(message: SoakServerMessage): void {
  process.send?.(message);
}

async function main(): Promise<void> {
  const server = await loadServer();
  const { notifications, EmbeddedPlatform, loopbackGwsConfig, startGwsNode, SESSION_STORE } = server;
  const { installProcessGuards, silentLogger } = server;
  let uncaughtErrors = 0;
  installProcessGuards({
    error: (fields, message) => {
      uncaughtErrors++;
      process.stderr.write(`[soak-server] ${message}: ${String((fields as { err?: unknown }).err)}\n`);
    },
  });
  const simulators = await EmbeddedPlatform.start({
    host: '127.0.0.1',
    tserverPrimaryPort: 0,
    tserverBackupPort: 0,
    confservPort: 0,
    tserverControlPort: 0,
    logger: () => silentLogger,
  });
  // Default limits: only the addresses and the log level differ from a plain `npm start`.
  const { app, port } = await startGwsNode(
    loopbackGwsConfig({
      tserverPrimary: simulators.tserver.primaryPort,
      tserverBackup: simulators.tserver.backupPort,
      confserv: simulators.confserv.port,
    }),
  );
  const publisher = app.get(notifications.NotificationPublisher);
  const sessions = app.get<SessionStore>(SESSION_STORE);
  const answerStats = async ({ seq, userId, settle }: Extract<SoakCommand, { type: 'stats' }>): Promise<void> => {
    if (settle === true) settleHeap();
    const held = userId === undefined ? [] : await sessions.listByUser(userId);
    send({
      type: 'stats',
      seq,
      confservAuthentications: simulators.confserv.requestCount('RequestAuthenticate'),
      httpSessions: held.length,
      bayeuxSessionIds: userId === undefined ? [] : publisher.sessionsOf(userId).map((s) => s.bayeuxSessionId),
      cometd: publisher.stats(),
      rssMb: Math.round(process.memoryUsage.rss() / MB),
      heapUsedMb: Math.round(process.memoryUsage().heapUsed / MB),
      uncaughtErrors,
    });
  };
  const stop = exitOnStop(() => app.close().finally(() => simulators.close()));
  process.on('message', (command: unknown) => {
    if (isSoakCommand(command)) {
      if (command.type === 'stats') answerStats(command).catch(failChild);
      else stop();
    }
  });
  send({
    type: 'ready',
    gwsPort: port,
    tserverPort: simulators.tserver.primaryPort,
    tserverBackupPort: simulators.tserver.backupPort,
    confservPort: simulators.confserv.port,
    controlPort: simulators.tserver.controlPort ?? 0,
    pid: process.pid,
  });
}

main().catch(failChild);
