/**
 * Scenarios 1 and 2 of `bench/soak.ts`: what the CometD endpoint (/api/v2/notifications) gets from a client that
 * breaks the rules: bodies past the 100kb limit (announced or streamed), malformed batches, and an advice asking
 * never to be expired. The e2e regression of the same findings: test/notifications-limits.e2e-spec.ts.
 */
import { connect as netConnect } from 'node:net';
import { rawBayeux } from '../../test/support/raw-bayeux';
import { rawHandshake, sleep, TrackedRestAgent, type Scenario, type SoakContext } from './soak-context';

const NOTIFICATIONS = '/api/v2/notifications';
/** What the oversized requests announce: 600 MiB. */
const ANNOUNCED_BYTES = 629_145_600;

interface RawAnswer {
  /** The status of the server's answer; 0 when none came. */
  readonly status: number;
  /** The server ended the connection (FIN or reset) after answering, without us closing it. */
  readonly closedByServer: boolean;
  /** Body bytes written before the answer came (streamed bodies). */
  readonly bytesSent: number;
  /** The socket error, if any (EPIPE / ECONNRESET once the server stopped reading). */
  readonly error: string | undefined;
}

/**
 * A POST to the CometD endpoint on a raw socket from the scenario's address: `headers` announce the body, then
 * `bodyChunks` are written one by one until the server answers (or the socket is gone). Writing past the server's
 * refusal fails with EPIPE / ECONNRESET, which only means the server stopped reading: its answer is what counts.
 */
function rawPost(context: SoakContext, headers: string, bodyChunks: Iterable<Buffer>): Promise<RawAnswer> {
  return new Promise((resolve) => {
    const socket = netConnect({ port: context.ports.gwsPort, host: '127.0.0.1', localAddress: context.address() });
    let received = '';
    let closedByServer = false;
    let bytesSent = 0;
    let error: string | undefined;
    socket.setTimeout(20_000, () => socket.destroy(Object.assign(new Error('timed out'), { code: 'ETIMEDOUT' })));
    socket.on('data', (chunk: Buffer) => (received += chunk.toString('latin1')));
    socket.on('end', () => (closedByServer = true));
    socket.on('error', (failure: NodeJS.ErrnoException) => {
      error = failure.code ?? failure.message;
      closedByServer ||= error === 'ECONNRESET' || error === 'EPIPE';
    });
    socket.on('close', () => {
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(received)?.[1] ?? 0);
      resolve({ status, closedByServer, bytesSent, error });
    });
    const chunks = bodyChunks[Symbol.iterator]();
    // One chunk at a time, the next once the last has been handed to the kernel and the loop has had a turn to read:
    // Node destroys a socket on a failed write (EPIPE) without reading what had arrived, the answer included.
    const pump = (): void => {
      const next = chunks.next();
      if (received !== '' || socket.destroyed || next.done === true) return;
      bytesSent += next.value.length;
      socket.write(next.value, () => setImmediate(pump));
    };
    socket.write(
      `POST ${NOTIFICATIONS} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n${headers}\r\n`,
    );
    pump();
  });
}

/** A chunked body (`Transfer-Encoding: chunked` framing) of up to `maxBytes` in 64 KiB chunks, then its end. */
function* chunkedBody(maxBytes: number): Generator<Buffer> {
  const data = Buffer.alloc(64 * 1024, 0x20);
  const chunk = Buffer.concat([Buffer.from(`${data.length.toString(16)}\r\n`), data, Buffer.from('\r\n')]);
  yield Buffer.from('1\r\n[\r\n');
  for (let sent = 0; sent < maxBytes; sent += data.length) yield chunk;
  yield Buffer.from('0\r\n\r\n');
}

export const cometdOversized: Scenario = {
  name: 'cometd-oversized',
  budgetMs: 10_000,
  async run(context) {
    const record = (answer: RawAnswer): RawAnswer => {
      if (answer.status === 0) context.tally.error({ code: answer.error ?? 'NO_ANSWER' });
      else context.tally.status(answer.status);
      return answer;
    };
    const announced: RawAnswer[] = [];
    for (let i = 0; i < context.options.oversizedSockets && !context.expired(); i++) {
      const head = [Buffer.from('[{"channel":"/meta/connect"')];
      announced.push(record(await rawPost(context, `Content-Length: ${ANNOUNCED_BYTES}\r\n`, head)));
    }
    const streamed: RawAnswer[] = [];
    for (let i = 0; i < context.options.streamedBodies && !context.expired(); i++) {
      const body = chunkedBody(context.options.streamMaxBytes);
      streamed.push(record(await rawPost(context, 'Transfer-Encoding: chunked\r\n', body)));
    }
    const announcedRefused = announced.filter((a) => a.status === 413 && a.closedByServer).length;
    // Refused early: a 413 before the whole body went out (or, should the answer be lost, the server closing the
    // connection mid-body: reported apart).
    const early = (s: RawAnswer): boolean => s.bytesSent < context.options.streamMaxBytes;
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
  const { clientId, cookies } = await rawHandshake(context, rest);
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
