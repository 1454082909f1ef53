/**
 * A browser process of `bench/capacity.bench.ts` (forked with IPC, its open-file limit raised: capacity-spawn.ts):
 * the simulated browsers of one range of agents, the same as `bench:events` runs in its own process
 * (GwsAgentBrowser: REST login, CometD handshake, StartContactCenterSession, Ready, then a parked long poll;
 * BaselineBrowser for the bare server), each on the loopback hostname of its global index. Logins run through a
 * worker pool of `concurrency`, which paces this process's share of the storm. Arrivals go to the bench in batches
 * (capacity-streamed-arrivals.ts). Nothing goes to stdout.
 */
import { exitOnStop, failChild } from './bench-child';
import { BaselineBrowser, GwsAgentBrowser } from './events-browser';
import { pool } from './events-drive-run';
import { processUsage } from './events-usage';
import {
  isCapacityBrowserCommand,
  type CapacityBrowserCommand,
  type CapacityBrowserMessage,
  type IndexedAgent,
} from './capacity-protocol';
import { StreamedArrivals } from './capacity-streamed-arrivals';

const PROGRESS_EVERY_MS = 3000;
const FIRST_FAILURES_KEPT = 5;

function send(message: CapacityBrowserMessage): void {
  process.send?.(message);
}

const arrivals = new StreamedArrivals(send);
const browsers: (GwsAgentBrowser | BaselineBrowser)[] = [];
let connected = 0;

/** Runs one storm (logins or handshakes) and answers `loggedIn`. */
async function storm<B extends GwsAgentBrowser | BaselineBrowser>(
  created: readonly B[],
  concurrency: number,
  timeoutMs: number,
  dnOf: (browser: B) => string | undefined,
): Promise<void> {
  browsers.push(...created);
  const start = performance.now();
  const deadline = start + timeoutMs;
  const ready: string[] = [];
  let done = 0;
  let failures = 0;
  const firstFailures: string[] = [];
  const timer = setInterval(() => send({ type: 'progress', done, failures }), PROGRESS_EVERY_MS);
  await pool(created, concurrency, async (browser) => {
    const error = await browser.run(deadline);
    done++;
    if (error === undefined) {
      connected++;
      const dn = dnOf(browser);
      if (dn !== undefined) ready.push(dn);
    } else {
      failures++;
      if (firstFailures.length < FIRST_FAILURES_KEPT) firstFailures.push(error);
    }
    return error;
  }).finally(() => clearInterval(timer));
  send({
    type: 'loggedIn',
    readyDns: ready,
    connected,
    failures,
    firstFailures,
    ms: Math.round(performance.now() - start),
  });
}

const agentBrowser = (port: number, agent: IndexedAgent): GwsAgentBrowser =>
  new GwsAgentBrowser(port, agent.index, arrivals, { userName: agent.userName, dn: agent.dn });

function handle(command: CapacityBrowserCommand, stop: () => void): void {
  switch (command.type) {
    case 'login':
      storm(
        command.agents.map((agent) => agentBrowser(command.port, agent)),
        command.concurrency,
        command.timeoutMs,
        (browser) => browser.agent.dn,
      ).catch(failChild);
      break;
    case 'handshake':
      storm(
        Array.from({ length: command.count }, (_, i) => new BaselineBrowser(command.port, command.from + i, arrivals)),
        command.concurrency,
        command.timeoutMs,
        () => undefined,
      ).catch(failChild);
      break;
    case 'usage':
      send(processUsage(connected, command.settle === true));
      break;
    case 'close':
      void Promise.all(browsers.map((browser) => browser.close(command.timeoutMs))).then(() => {
        arrivals.flush();
        browsers.length = 0;
        connected = 0;
        send({ type: 'closed' });
      });
      break;
    case 'stop':
      stop();
      break;
  }
}

function main(): void {
  // On stop the sockets go with the process: `close` is how the bench disconnects the sessions politely first.
  const stop = exitOnStop(() => arrivals.stop(), 2000);
  process.on('message', (command: unknown) => {
    if (isCapacityBrowserCommand(command)) handle(command, stop);
  });
  send({ type: 'ready', pid: process.pid });
}

try {
  main();
} catch (error) {
  failChild(error);
}
