/**
 * Scenarios 1 and 2 of `bench/soak.ts`: what the CometD endpoint (/api/v2/notifications) gets from a client that
 * breaks the rules: bodies past the 100kb limit (announced or streamed), malformed batches, and an advice asking
 * never to be expired. The e2e regression of the same findings: test/notifications-limits.e2e-spec.ts.
 */
import { rawBayeux } from '../../test/support/raw-bayeux';
import { chunkedBody, rawPost, type RawPostAnswer } from '../../test/support/raw-post';
import { agentHandshake, sleep, TrackedRestAgent, type Scenario, type SoakContext } from './soak-context';

const NOTIFICATIONS = '/api/v2/notifications';
/** What the oversized requests announce: 600 MiB. */
const ANNOUNCED_BYTES = 629_145_600;

/** A raw POST to the CometD endpoint from the scenario's address. */
function post(context: SoakContext, headers: string, bodyChunks: Iterable<Buffer>): Promise<RawPostAnswer> {
  return rawPost(
    { port: context.ports.gwsPort, path: NOTIFICATIONS, localAddress: context.address() },
    headers,
    bodyChunks,
  );
}

export const cometdOversized: Scenario = {
  name: 'cometd-oversized',
  budgetMs: 10_000,
  async run(context) {
    const record = (answer: RawPostAnswer): RawPostAnswer => {
      if (answer.status === 0) context.tally.error({ code: answer.error ?? 'NO_ANSWER' });
      else context.tally.status(answer.status);
      return answer;
    };
    const announced: RawPostAnswer[] = [];
    for (let i = 0; i < context.options.oversizedSockets && !context.expired(); i++) {
      const head = [Buffer.from('[{"channel":"/meta/connect"')];
      announced.push(record(await post(context, `Content-Length: ${ANNOUNCED_BYTES}\r\n`, head)));
    }
    const streamed: RawPostAnswer[] = [];
    for (let i = 0; i < context.options.streamedBodies && !context.expired(); i++) {
      const body = chunkedBody(context.options.streamMaxBytes);
      streamed.push(record(await post(context, 'Transfer-Encoding: chunked\r\n', body)));
    }
    const announcedRefused = announced.filter((a) => a.status === 413 && a.closedByServer).length;
    // Refused early: a 413 before the whole body went out (or, should the answer be lost, the server closing the
    // connection mid-body: reported apart).
    const early = (s: RawPostAnswer): boolean => s.bytesSent < context.options.streamMaxBytes;
    const streamed413 = streamed.filter((s) => s.status === 413 && early(s)).length;
    const streamedReset = streamed.filter((s) => s.status === 0 && s.closedByServer && early(s)).length;
    return {
      announced: announced.length,
      announced413AndClosed: announcedRefused,
      streamed: streamed.length,
      streamed413BeforeEnd: streamed413,
      streamedResetBeforeEndWithout413Seen: streamedReset,
      streamedBytesWrittenBeforeRefusal: streamed.map((s) => s.bytesSent),
      ok: announcedRefused === announced.length && streamed413 + streamedReset === streamed.length,
    };
  },
};

/** Bodies that must be refused, and the statuses that count as refusing them. */
function malformedBodies(): [name: string, body: unknown, expected: readonly number[]][] {
  const connect = { channel: '/meta/connect', clientId: 'none', connectionType: 'long-polling' };
  return [
    [
      'handshakeWithConnect',
      [{ channel: '/meta/handshake', version: '1.0', supportedConnectionTypes: ['long-polling'] }, connect],
      [400],
    ],
    ['batchOf1000', Array.from({ length: 1000 }, (_, i) => ({ ...connect, id: String(i) })), [413]],
    ['nested50000', `[{"channel":"/meta/connect","id":${'['.repeat(50_000)}${']'.repeat(50_000)}}]`, [400, 413]],
    ['notJson', '[{"channel":', [400]],
  ];
}

/**
 * A real session (agent10, logged in over REST) whose client asks for `interval: 1e12` and never polls again: the
 * answer is accepted, and the session must still expire (GWS clamps the advice; cometd-nodejs-server then drops it
 * after maxInterval, 15 s). The wait runs in the background while the later scenarios run.
 */
async function neverExpiringAdvice(context: SoakContext): Promise<Record<string, unknown>> {
  const rest = new TrackedRestAgent(context.tally, context.baseUrl, 'agent10');
  const me = await rest.login();
  const userId = (me.body as { user: { id: string } }).user.id;
  const { clientId, cookies } = await agentHandshake(context, rest);
  const connect = await context.tally.track(
    rawBayeux(
      context.ports.gwsPort,
      [
        {
          channel: '/meta/connect',
          clientId,
          connectionType: 'long-polling',
          id: '1',
          advice: { timeout: 0, interval: 1e12 },
        },
      ],
      { cookies },
    ),
  );
  const reply = connect.messages?.find((m) => m['channel'] === '/meta/connect');
  const accepted = reply?.['successful'] === true;
  const found = { connectAccepted: accepted, connectAdvice: reply?.['advice'] };
  if (!context.options.intervalWait) {
    return { ...found, expiry: 'not waited (--interval-wait false)' };
  }
  const since = performance.now();
  const waitExpiry = async (): Promise<Record<string, unknown>> => {
    const boundMs = 35_000 * context.options.scale;
    let expiredAfterMs: number | undefined;
    while (expiredAfterMs === undefined && performance.now() - since < boundMs && context.server.alive) {
      const stats = await context.server.stats(userId);
      if (stats.bayeuxSessionIds.includes(clientId)) await sleep(1_000);
      else expiredAfterMs = Math.round(performance.now() - since);
    }
    const expiry = { sessionExpired: expiredAfterMs !== undefined, expiredAfterMs, waitedUpToMs: boundMs };
    return { neverExpiringAdvice: { ...found, ...expiry }, ok: expiredAfterMs !== undefined };
  };
  context.background(waitExpiry());
  return { ...found, expiry: 'waited in the background while the next scenarios ran' };
}

export const cometdMalformed: Scenario = {
  name: 'cometd-malformed',
  budgetMs: 8_000,
  async run(context) {
    const before = (await context.server.stats()).cometd.bayeuxSessions;
    const unexpected: string[] = [];
    const cases: Record<string, Record<string, number>> = {};
    for (let round = 0; round < context.options.malformedRepeats && !context.expired(); round++) {
      for (const [name, body, expected] of malformedBodies()) {
        const answer = await context.tally.track(rawBayeux(context.ports.gwsPort, body));
        const seen = (cases[name] ??= {});
        seen[answer.status] = (seen[answer.status] ?? 0) + 1;
        if (!expected.includes(answer.status)) unexpected.push(`${name}: ${answer.status}`);
      }
    }
    const sessionsBound = (await context.server.stats()).cometd.bayeuxSessions - before;
    const advice = await neverExpiringAdvice(context);
    return {
      cases,
      unexpected,
      sessionsBoundByMalformed: sessionsBound,
      neverExpiringAdvice: advice,
      ok: unexpected.length === 0 && sessionsBound === 0 && advice['connectAccepted'] === true,
    };
  },
};
