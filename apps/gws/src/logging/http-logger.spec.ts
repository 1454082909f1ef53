import { once } from 'node:events';
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import express from 'express';
import pino, { type Level } from 'pino';
import { waitFor } from '@gws/testing';
import { httpLogger } from './http-logger';
import { REDACTED_PATHS } from './pino-logger';

interface Line {
  level: number;
  msg: string;
  reqId: string;
  req: { method: string; url: string; remoteAddress: string };
  res: { statusCode: number };
  responseTime: number;
}

/** An express app behind `httpLogger`, on a loopback port, whose log lines land in `lines`. */
async function loggedApp(
  level: Level | 'silent',
): Promise<{ server: Server; base: string; lines: Line[]; slowReached: Promise<void> }> {
  const lines: Line[] = [];
  let reached: () => void = () => undefined;
  const slowReached = new Promise<void>((resolve) => (reached = resolve));
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString()) as Line);
      done();
    },
  });
  const logger = pino({ level, redact: { paths: REDACTED_PATHS, censor: '[redacted]' } }, sink);
  const app = express();
  app.use(httpLogger(logger));
  app.get('/api/v2/me', (_request, response) => void response.json({ statusCode: 0 }));
  app.get('/api/v2/broken', (_request, response) => void response.status(503).json({ statusCode: 1 }));
  app.get('/api/v2/notifications', (_request, response) => void response.json([]));
  // Answers only once the client has gone.
  app.get('/api/v2/slow', () => reached());
  const server = createServer(app);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return { server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, lines, slowReached };
}

describe('httpLogger', () => {
  let server: Server | undefined;
  afterEach(() => {
    server?.closeAllConnections();
    server?.close();
  });

  it('writes one line per request with its id, outcome and time, and never a header', async () => {
    const app = await loggedApp('info');
    server = app.server;
    const answer = await fetch(`${app.base}/api/v2/me?x=1`, {
      headers: { authorization: 'Basic c2VjcmV0OnNlY3JldA==', cookie: 'JSESSIONID=s3cr3t', 'x-request-id': 'abc-1' },
    });
    expect(answer.headers.get('x-request-id')).toBe('abc-1');
    const failed = await fetch(`${app.base}/api/v2/broken`, { headers: { 'x-request-id': 'bad id; forged' } });
    const generated = failed.headers.get('x-request-id');
    expect(generated).toMatch(/^[0-9a-f-]{36}$/);
    await waitFor(() => app.lines.length === 2, 5000, 'two request lines');
    expect(app.lines.map(({ level, msg, reqId, req, res }) => ({ level, msg, reqId, req, res }))).toEqual([
      {
        level: 30,
        msg: 'request completed',
        reqId: 'abc-1',
        req: { method: 'GET', url: '/api/v2/me?x=1', remoteAddress: '127.0.0.1' },
        res: { statusCode: 200 },
      },
      {
        level: 50,
        msg: 'request failed',
        reqId: generated,
        req: { method: 'GET', url: '/api/v2/broken', remoteAddress: '127.0.0.1' },
        res: { statusCode: 503 },
      },
    ]);
    expect(app.lines.every((line) => Number.isInteger(line.responseTime) && line.responseTime >= 0)).toBe(true);
    expect(JSON.stringify(app.lines)).not.toMatch(/s3cr3t|c2VjcmV0|authorization|cookie/);
  });

  it('leaves CometD requests out of the log but gives them an id', async () => {
    const app = await loggedApp('info');
    server = app.server;
    const answer = await fetch(`${app.base}/api/v2/notifications`);
    expect(answer.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    await fetch(`${app.base}/api/v2/me`);
    await waitFor(() => app.lines.length === 1, 5000, 'one request line');
    expect(app.lines[0]!.req.url).toBe('/api/v2/me');
  });

  it('says when the client left before the answer', async () => {
    const app = await loggedApp('info');
    server = app.server;
    const gone = httpRequest(`${app.base}/api/v2/slow`);
    gone.on('error', () => undefined);
    gone.end();
    await app.slowReached;
    gone.destroy();
    await waitFor(() => app.lines.length === 1, 5000, 'the aborted line');
    expect(app.lines[0]).toMatchObject({ level: 40, msg: 'request aborted', req: { url: '/api/v2/slow' } });
  });

  it('writes nothing at level silent, ids included', async () => {
    const app = await loggedApp('silent');
    server = app.server;
    const answer = await fetch(`${app.base}/api/v2/broken`);
    expect(answer.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    // The same connection's next request is read only once the first one's answer is done.
    await fetch(`${app.base}/api/v2/me`);
    expect(app.lines).toEqual([]);
  });
});
