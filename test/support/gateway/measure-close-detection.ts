/**
 * How soon the gateway reports a gone browser (docs/sip-gateway.md, "Expiry detection"): registers JsSIP clients
 * in Node, makes each go away (TCP socket destroyed, or a WebSocket close as a closed tab sends) at a random moment
 * within a usrloc timer period, and measures until the DN map's `unregistered` notice.
 *
 *   sh test/support/in-private-netns.sh npx tsx test/support/gateway/measure-close-detection.ts \
 *     [--usrloc-timer 1] [--ws-rm-delay 1] [--runs 20]
 */
import { randomInt } from 'node:crypto';
import { parseArgs } from 'node:util';
import Redis from 'ioredis';
import { GATEWAY_DEFAULTS } from '@gws/gateway';
import { startRedisServer, waitFor } from '@gws/testing';
import { startGateway } from './gateway';
import { startSipWsClient } from './sip-ws-client';

interface Notice {
  readonly dn: string;
  readonly registration: string;
  readonly source?: string;
  readonly at: number;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      'usrloc-timer': { type: 'string', default: String(GATEWAY_DEFAULTS.usrlocTimerSeconds) },
      'ws-rm-delay': { type: 'string', default: String(GATEWAY_DEFAULTS.wsRemoveDelaySeconds) },
      runs: { type: 'string', default: '20' },
    },
  });
  const usrlocTimerSeconds = Number(values['usrloc-timer']);
  const wsRemoveDelaySeconds = Number(values['ws-rm-delay']);
  const runs = Number(values.runs);
  const redis = await startRedisServer({ appendOnly: false });
  const gateway = await startGateway({
    redisUrl: redis.url,
    sipServer: '127.0.0.2:5070',
    usrlocTimerSeconds,
    wsRemoveDelaySeconds,
  });
  const client = new Redis(redis.url);
  const subscriber = new Redis(redis.url);
  const notices: Notice[] = [];
  subscriber.on('message', (_channel: string, message: string) =>
    notices.push({ ...(JSON.parse(message) as Omit<Notice, 'at'>), at: Date.now() }),
  );
  await subscriber.subscribe(`${GATEWAY_DEFAULTS.dnMapPrefix}dnmap:changes`);
  try {
    for (const [index, how] of (['terminate', 'close'] as const).entries()) {
      const delays: number[] = [];
      const sources = new Map<string, number>();
      for (let run = 0; run < runs; run++) {
        const dn = String(5000 + index * 500 + run + 1);
        await client.hset(`${GATEWAY_DEFAULTS.dnMapPrefix}{dnmap}:sipcred:${dn}`, { password: 'pw', userId: dn });
        const sip = startSipWsClient({ url: gateway.wsUrl, dn, password: 'pw', sipDomain: gateway.sipDomain });
        if (!(await sip.registration).registered) throw new Error(`${dn} did not register`);
        // A random phase against the usrloc timer, as a real browser closes at any moment.
        await new Promise((resolve) => setTimeout(resolve, randomInt(0, usrlocTimerSeconds * 1000)));
        const closedAt = Date.now();
        sip.kill(how);
        const gone = (): Notice | undefined =>
          notices.find((notice) => notice.dn === dn && notice.registration === 'unregistered');
        await waitFor(() => gone() !== undefined, 30_000, `${dn} unregistered`);
        delays.push(gone()!.at - closedAt);
        sources.set(gone()!.source ?? '?', (sources.get(gone()!.source ?? '?') ?? 0) + 1);
        await sip.stop();
      }
      delays.sort((a, b) => a - b);
      const at = (q: number): number => delays[Math.min(delays.length - 1, Math.floor(q * delays.length))]!;
      console.log(
        `usrloc timer_interval=${usrlocTimerSeconds} s, websocket rm_delay_interval=${wsRemoveDelaySeconds} s, ` +
          `${how === 'terminate' ? 'socket destroyed' : 'WebSocket closed'}: ${runs} runs, ` +
          `min ${at(0)} ms, median ${at(0.5)} ms, max ${at(1)} ms; sources ${JSON.stringify(Object.fromEntries(sources))}`,
      );
    }
  } finally {
    client.disconnect();
    subscriber.disconnect();
    await gateway.stop();
    await redis.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
