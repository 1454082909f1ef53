import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { NodeInfo } from '@gws/stores';
import { GwsException } from '../common/gws.exception';
import { loadGwsConfig } from '../config/gws-config';
import { RequestForwarder, type ForwardableRequest } from './request-forwarder';

/** A node that answers every request with what it received, a conflict and two cookies. */
async function echoNode(): Promise<{ server: Server; node: NodeInfo }> {
  const server = createServer((request: IncomingMessage, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      response.setHeader('Set-Cookie', ['JSESSIONID=; Max-Age=0', 'other=1']);
      response.setHeader('Content-Type', 'application/json');
      response.statusCode = 409;
      response.end(JSON.stringify({ method: request.method, url: request.url, headers: request.headers, body }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { server, node: { nodeId: 'a', internalUrl: `http://127.0.0.1:${port}`, startedAt: 0, draining: false } };
}

describe('RequestForwarder', () => {
  const forwarder = new RequestForwarder(loadGwsConfig({ GWS_NODE_ID: 'b' }));
  afterAll(() => forwarder.onApplicationShutdown());

  const request: ForwardableRequest = {
    method: 'POST',
    originalUrl: '/api/v2/me/calls/c1?fields=*',
    headers: { host: 'gws.example.com', 'content-type': 'application/json', 'x-csrf-token': 't1' },
    body: { operationName: 'Answer' },
    socket: { remoteAddress: '10.0.0.5' },
  };

  it('re-sends the request with its parsed body and hands back the answer as it came', async () => {
    const { server, node } = await echoNode();
    try {
      const answer = await forwarder.forward(request, 's1', node);
      expect(answer.status).toBe(409);
      expect(answer.headers.getSetCookie()).toEqual(['JSESSIONID=; Max-Age=0', 'other=1']);
      const received = (await answer.json()) as { method: string; url: string; headers: object; body: string };
      expect(received).toMatchObject({
        method: 'POST',
        url: '/api/v2/me/calls/c1?fields=*',
        body: '{"operationName":"Answer"}',
        headers: {
          host: 'gws.example.com',
          cookie: 'JSESSIONID=s1',
          'x-csrf-token': 't1',
          'x-forwarded-for': '10.0.0.5',
          'x-gws-forwarded-by': 'b',
        },
      });
    } finally {
      server.close();
    }
  });

  it('answers 503 statusCode 4 when the node holding the session cannot be reached', async () => {
    const { server, node } = await echoNode();
    await new Promise((resolve) => server.close(resolve));
    const refused = forwarder.forward(request, 's1', node);
    await expect(refused).rejects.toBeInstanceOf(GwsException);
    await expect(refused).rejects.toMatchObject({ nodeId: 'a', refused: true });
    await expect(refused).rejects.toMatchObject({
      statusCode: 4,
      statusMessage: 'The GWS node holding this session (a) is unreachable; try again shortly',
    });
    await expect(refused).rejects.toHaveProperty('status', 503);
  });
});
