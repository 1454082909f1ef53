import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { Message } from 'cometd';
import { waitFor } from '@gws/testing';
import { errorMessage } from '../apps/gws/src/notifications/messages/error-message';
import { JSESSIONID } from '../apps/gws/src/notifications/testing/test-handshake-authenticator';
import { CometdTestClient } from './support/cometd-test-client';
import { startCometdNotificationsApp, type CometdNotificationsApp } from './support/cometd-notifications-app';
import { rawBayeux, rawHandshake, type RawBayeuxAnswer } from './support/raw-bayeux';
import { chunkedBody, rawPost, type RawPostAnswer } from './support/raw-post';
import { startGwsTestPlatform } from './support/gws-test-platform';

const MAX_QUEUED = 20;

/** A full garbage collection, so that heap figures count what is still referenced, not what awaits collection. */
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;
let nextMessageId = 1;
const ALICE = 'a11ce000000000000000000000000001';

const NOTIFICATIONS = '/api/v2/notifications';

/** Announces `contentLength` bytes, sends a few; the status the server answers, and whether it closed the connection. */
async function announceHugeBody(port: number, contentLength: number): Promise<RawPostAnswer> {
  return rawPost({ port, path: NOTIFICATIONS, timeoutMs: 5_000 }, `Content-Length: ${contentLength}\r\n`, [
    Buffer.from('[{"channel":"/meta/handshake"'),
  ]);
}

/** Streams a chunked body of up to `maxBytes` until the server answers; the status, and how much went out. */
function streamBody(port: number, maxBytes: number): Promise<RawPostAnswer> {
  return rawPost(
    { port, path: NOTIFICATIONS, timeoutMs: 10_000 },
    'Transfer-Encoding: chunked\r\n',
    chunkedBody(maxBytes),
  );
}

describe('CometD endpoint limits (issue 10, findings 1 and 4)', () => {
  let server: CometdNotificationsApp;
  const clients: CometdTestClient[] = [];

  beforeEach(async () => {
    server = await startCometdNotificationsApp({
      maxBodySize: '2kb',
      maxBatchMessages: 5,
      maxQueuedMessages: MAX_QUEUED,
      maxSessionsPerUser: 3,
      maxSessionsPerHttpSession: 2,
      timeout: 500,
      maxInterval: 300,
      multiSessionInterval: 200,
    });
  });
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((client) => client.disconnect().catch(() => undefined)));
    await server.close();
  });

  /** A raw handshake on a fresh HTTP session of `userId`: the client id and the cookies to send with it. */
  async function handshake(
    userId: string,
    ext: Record<string, unknown> = {},
    sessionId = server.authenticator.openSession(userId, 'alice'),
  ): Promise<{ clientId: string; cookies: Record<string, string> }> {
    const answer = await rawHandshake(server.port, sessionId, ext);
    expect(answer.messages?.[0]?.['successful']).toBe(true);
    return { clientId: answer.clientId!, cookies: answer.cookies };
  }

  const connect = (
    session: { clientId: string; cookies: Record<string, string> },
    extra: Record<string, unknown> = {},
  ): Promise<RawBayeuxAnswer> =>
    rawBayeux(
      server.port,
      [
        {
          channel: '/meta/connect',
          clientId: session.clientId,
          connectionType: 'long-polling',
          advice: { timeout: 0 },
          // The acknowledgement extension keys its batches by message id, as every real client sends one.
          id: String(nextMessageId++),
          ...extra,
        },
      ],
      { cookies: session.cookies },
    );

  const publishErrors = (count: number): void => {
    for (let i = 0; i < count; i++) {
      server.publisher.publish(
        ALICE,
        '/v2/me/calls',
        errorMessage({ errorCode: 56, errorMessage: `burst ${i}`, operationName: 'Dial', resourceUri: 'http://h/x' }),
      );
    }
  };

  async function stillServes(): Promise<void> {
    const client = new CometdTestClient({
      port: server.port,
      cookies: { [JSESSIONID]: server.authenticator.openSession('b0b', 'bob') },
    });
    clients.push(client);
    await client.handshake();
  }

  it('refuses a body announced past the limit with 413 before reading it, and goes on serving', async () => {
    expect(await announceHugeBody(server.port, 600 * 1024 * 1024)).toMatchObject({ status: 413, closedByServer: true });
    await stillServes();
  });

  it('refuses a streamed body once it passes the limit, without buffering the rest', async () => {
    const rssBefore = process.memoryUsage().rss;
    const answer = await streamBody(server.port, 64 * 1024 * 1024);
    expect(answer.status).toBe(413);
    expect(answer.bytesSent).toBeLessThan(1024 * 1024);
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(32 * 1024 * 1024);
    await stillServes();
  });

  it.each([
    ['a batch larger than maxBatchMessages', Array.from({ length: 6 }, () => ({ channel: '/meta/connect' })), 413],
    ['a handshake batched with a connect', [{ channel: '/meta/handshake' }, { channel: '/meta/connect' }], 400],
    ['a body that is not JSON', '[{"channel":', 400],
    ['an empty batch', [], 400],
    ['a message without a channel', [{ id: '1' }], 400],
    ['messages nested 600 deep', `[{"channel":"/meta/connect","id":${'['.repeat(600)}${']'.repeat(600)}}]`, 400],
  ])('refuses %s, binds no session and goes on serving', async (_name, body, status) => {
    const answer = await rawBayeux(server.port, body, {
      cookies: { [JSESSIONID]: server.authenticator.openSession(ALICE, 'alice') },
    });
    expect(answer.status).toBe(status);
    expect(server.publisher.stats().bayeuxSessions).toBe(0);
    await stillServes();
  });

  it("holds a client's advice within the server's, so a session that stops polling still expires", async () => {
    const session = await handshake(ALICE);
    const removed = new Promise<string>((resolve) =>
      server.publisher.onSessionRemoved((event) => resolve(event.reason)),
    );
    const reply = await connect(session, { advice: { timeout: 0, interval: 1e12 } });
    expect(reply.messages?.[0]?.['successful']).toBe(true);
    // maxInterval 300 ms + the interval clamped to 200 ms, and the library's sweep about once a second.
    await expect(Promise.race([removed, timeout(5_000)])).resolves.toBe('timeout');
  });

  it('ends a session whose client never acknowledges, and bounds every answer it gets on the way', async () => {
    const session = await handshake(ALICE, { ack: true });
    await connect(session);
    const answers: RawBayeuxAnswer[] = [];
    for (let round = 0; round < 5; round++) {
      publishErrors(8);
      // The client never sends ext.ack, so every answer resends all it holds, until the cap ends the session.
      answers.push(await connect(session));
    }
    const data = (answer: RawBayeuxAnswer): number =>
      answer.messages?.filter((m) => m['channel'] === '/v2/me/calls').length ?? 0;
    expect(answers.map(data).every((count) => count <= MAX_QUEUED)).toBe(true);
    expect(answers.map(data).slice(0, 2)).toEqual([8, 16]);
    const last = answers.at(-1)!.messages!.find((m) => m['channel'] === '/meta/connect')!;
    expect(last).toMatchObject({
      successful: false,
      error: '402::session_unknown',
      advice: { reconnect: 'handshake' },
    });
    expect(server.publisher.stats().bayeuxSessions).toBe(0);
    expect(server.logs.some((line) => line.message.includes('does not take its messages'))).toBe(true);
  });

  it('stays bounded over a burst to 40 clients that never poll again', async () => {
    const users = Array.from({ length: 40 }, (_, i) => `0000000000000000000000000000${String(i).padStart(4, '0')}`);
    await Promise.all(users.map((user) => handshake(user, { ack: true })));
    collectGarbage();
    const heapBefore = process.memoryUsage().heapUsed;
    for (let i = 0; i < 2_000; i++) {
      for (const user of users) {
        server.publisher.publish(
          user,
          '/v2/me/calls',
          errorMessage({
            errorCode: 56,
            errorMessage: 'x'.repeat(200),
            operationName: 'Dial',
            resourceUri: 'http://h/x',
          }),
        );
      }
    }
    expect(server.publisher.stats().bayeuxSessions).toBe(0);
    // 80,000 queued messages of ~300 bytes of data would hold well over 24 MB; each session held at most MAX_QUEUED
    // (40 x 20 x ~0.5 kB), and a full collection first leaves only what is still referenced.
    collectGarbage();
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(8 * 1024 * 1024);
  });

  it('lets the official client handshake again after its session overflowed, and deliver again', async () => {
    const sessionId = server.authenticator.openSession(ALICE, 'alice');
    const client = new CometdTestClient({ port: server.port, cookies: { [JSESSIONID]: sessionId } });
    clients.push(client);
    const handshakes: Message[] = [];
    client.cometd.addListener('/meta/handshake', (reply: Message) => handshakes.push(reply));
    await client.handshake();
    await client.subscribe('/v2/me/calls');
    await client.connected();
    publishErrors(MAX_QUEUED * 3);
    await waitFor(() => handshakes.filter((reply) => reply.successful).length >= 2, 5_000, 'handshake again');
    await waitFor(() => server.publisher.stats().bayeuxSessions === 1, 5_000, 'one session');
    publishErrors(1);
    await client.nextMessage('/v2/me/calls', (m) => (m.data as { errorMessage?: string }).errorMessage === 'burst 0');
  });

  it('keeps at most maxSessionsPerUser and maxSessionsPerHttpSession sessions, ending the oldest', async () => {
    const first = await handshake(ALICE);
    await handshake(ALICE);
    await handshake(ALICE);
    expect(server.publisher.sessionsOf(ALICE)).toHaveLength(3);
    await handshake(ALICE);
    expect(server.publisher.sessionsOf(ALICE).map((s) => s.bayeuxSessionId)).not.toContain(first.clientId);
    expect(server.publisher.sessionsOf(ALICE)).toHaveLength(3);

    const login = server.authenticator.openSession('b0b', 'bob');
    const one = await handshake('b0b', {}, login);
    await handshake('b0b', {}, login);
    await handshake('b0b', {}, login);
    const bobs = server.publisher.sessionsOf('b0b').map((s) => s.bayeuxSessionId);
    expect(bobs).toHaveLength(2);
    expect(bobs).not.toContain(one.clientId);
  });
});

describe('GWS with an oversized CometD body (issue 10, finding 1)', () => {
  it('answers 413 to a 600 MiB Content-Length and the same server goes on answering', async () => {
    const platform = await startGwsTestPlatform();
    try {
      expect(await announceHugeBody(platform.port, 600 * 1024 * 1024)).toMatchObject({
        status: 413,
        closedByServer: true,
      });
      expect((await streamBody(platform.port, 16 * 1024 * 1024)).status).toBe(413);
      const version = await fetch(`${platform.baseUrl}/api/v2/diagnostics/version`);
      expect(version.status).toBe(200);
      const login = await fetch(`${platform.baseUrl}/api/v2/me`, {
        headers: { Authorization: `Basic ${Buffer.from('agent1:password').toString('base64')}` },
      });
      expect(login.status).toBe(200);
    } finally {
      await platform.close();
    }
  });
});

function timeout(ms: number): Promise<string> {
  return new Promise((resolve) => setTimeout(() => resolve(`no removal within ${ms} ms`), ms).unref());
}
