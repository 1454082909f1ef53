import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { connectSocket } from '../connect-socket';

export { waitFor } from '@gws/testing';

/** A connected pair of loopback sockets and a teardown that closes both and the listener. */
export async function linkedSockets(): Promise<{ client: Socket; server: Socket; close: () => Promise<void> }> {
  const listener: Server = createServer();
  const accepted = new Promise<Socket>((resolve) => listener.once('connection', resolve));
  await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
  const { port } = listener.address() as AddressInfo;
  const client = await connectSocket({ host: '127.0.0.1', port }, 2000);
  const server = await accepted;
  const close = async (): Promise<void> => {
    client.destroy();
    server.destroy();
    await new Promise<void>((resolve) => listener.close(() => resolve()));
  };
  return { client, server, close };
}
