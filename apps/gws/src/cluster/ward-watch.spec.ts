import { createServer as createHttpServer, type Server as HttpServer } from 'node:http';
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import type { NodeInfo } from '@gws/stores';
import { waitFor } from '@gws/testing';
import { WardWatch } from './ward-watch';

/** A ward's port on loopback: the connections it accepted so far, and the ones still open. */
class WardPort {
  readonly accepted: Socket[] = [];
  private server: Server | undefined;

  constructor(readonly port: number) {}

  static async free(): Promise<WardPort> {
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const { port } = probe.address() as AddressInfo;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    return new WardPort(port);
  }

  async listen(): Promise<void> {
    const server = createServer((socket) => {
      this.accepted.push(socket);
      socket.on('error', () => undefined);
      // Read (and drop) what the watch asks, so that its end is seen.
      socket.resume();
    });
    this.server = server;
    await new Promise<void>((resolve) => server.listen(this.port, '127.0.0.1', resolve));
  }

  /** What a process that dies leaves: nothing listening, every connection closed. */
  async die(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    for (const socket of this.accepted) socket.destroy();
    await new Promise<void>((resolve) => (server === undefined ? resolve() : server.close(() => resolve())));
  }

  get open(): number {
    return this.accepted.filter((socket) => !socket.destroyed).length;
  }
}

describe('WardWatch', () => {
  const ports: WardPort[] = [];
  const watches: WardWatch[] = [];
  const httpServers: HttpServer[] = [];
  const logger = { log: () => undefined, warn: () => undefined };
  const ward = (port: number, startedAt = 1): NodeInfo => ({
    nodeId: 'a',
    internalUrl: `http://127.0.0.1:${port}`,
    startedAt,
    draining: false,
  });

  async function wardPort(): Promise<WardPort> {
    const port = await WardPort.free();
    ports.push(port);
    return port;
  }

  function watching(gone: NodeInfo[]): WardWatch {
    const watch = new WardWatch((info) => gone.push(info), logger, { confirmMs: 20, retryMs: 50 });
    watches.push(watch);
    return watch;
  }

  afterEach(async () => {
    for (const watch of watches.splice(0)) watch.close();
    for (const port of ports.splice(0)) await port.die();
    for (const http of httpServers.splice(0)) {
      http.closeAllConnections();
      http.close();
    }
  });

  it('reports a ward whose port closes its connection and then refuses', async () => {
    const port = await wardPort();
    await port.listen();
    const gone: NodeInfo[] = [];
    const watch = watching(gone);
    watch.watch([ward(port.port)]);
    await waitFor(() => port.open === 1, 2000, 'the watch connection');

    await port.die();
    await waitFor(() => gone.length === 1, 2000, 'the ward reported gone');
    expect(gone).toEqual([ward(port.port)]);
  });

  it('connects again when a living ward ends the idle connection, and reports nothing', async () => {
    const port = await wardPort();
    await port.listen();
    const gone: NodeInfo[] = [];
    watching(gone).watch([ward(port.port)]);
    await waitFor(() => port.open === 1, 2000, 'the watch connection');

    port.accepted[0]!.end('HTTP/1.1 408 Request Timeout\r\n\r\n');
    await waitFor(() => port.accepted.length === 2 && port.open === 1, 2000, 'a second watch connection');
    expect(gone).toEqual([]);
  });

  it('never reports a ward it has not reached (a wrong internal URL), and watches it once it answers', async () => {
    const port = await wardPort();
    const gone: NodeInfo[] = [];
    const warned: string[] = [];
    const watch = new WardWatch(
      (info) => gone.push(info),
      { log: (m) => warned.push(m), warn: (m) => warned.push(m) },
      {
        confirmMs: 5,
        retryMs: 20,
      },
    );
    watches.push(watch);
    watch.watch([ward(port.port)]);
    // Refused again and again (every 20 ms) while nothing listens: said once, never reported.
    await waitFor(() => watch.attempts >= 4, 2000, 'four refused attempts');
    expect(gone).toEqual([]);

    await port.listen();
    await waitFor(() => port.open === 1, 2000, 'the watch connection once the port listens');
    expect(gone).toEqual([]);
    expect(warned).toEqual([
      `node a not reached at http://127.0.0.1:${port.port}: its death will be seen when its liveness entry expires`,
      `watching node a at http://127.0.0.1:${port.port}`,
    ]);
  });

  it('lets a ward go when it is no longer one, and watches a restarted ward afresh', async () => {
    const port = await wardPort();
    await port.listen();
    const gone: NodeInfo[] = [];
    const watch = watching(gone);
    watch.watch([ward(port.port)]);
    await waitFor(() => port.open === 1, 2000, 'the watch connection');

    watch.watch([ward(port.port, 2)]);
    await waitFor(() => port.accepted.length === 2 && port.open === 1, 2000, 'one connection, for the new incarnation');
    expect(watch.size).toBe(1);
    watch.watch([]);
    await waitFor(() => port.open === 0, 2000, 'the watch connection closed');
    expect(watch.size).toBe(0);
    expect(gone).toEqual([]);
  });

  it('asks the ward once per connection, which leaves no connection to hold up a graceful stop', async () => {
    const asked: string[] = [];
    const http = createHttpServer((request, response) => {
      asked.push(`${request.method} ${request.url} ${request.headers['user-agent']}`);
      response.end('{"status":"ok"}');
    });
    httpServers.push(http);
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    const { port } = http.address() as AddressInfo;
    const gone: NodeInfo[] = [];
    watching(gone).watch([ward(port)]);
    await waitFor(() => asked.length === 1, 2000, 'the liveness request');
    expect(asked).toEqual(['GET /health/live gws-ward-watch']);

    let closed = false;
    http.close(() => (closed = true));
    await waitFor(() => closed, 2000, 'the HTTP server to close');
    await waitFor(() => gone.length === 1, 2000, 'the ward reported gone once its port refuses');
  });
});
