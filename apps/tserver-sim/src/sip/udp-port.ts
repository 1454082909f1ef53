import { createSocket, type Socket } from 'node:dgram';

/** Binds a UDP socket on `host:port` (0 = a free port chosen by the system). */
export function bindUdp(host: string, port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = createSocket(host.includes(':') ? 'udp6' : 'udp4');
    socket.once('error', (error) => {
      socket.close();
      reject(error);
    });
    socket.bind(port, host, () => {
      socket.removeAllListeners('error');
      resolve(socket);
    });
  });
}

/**
 * A UDP port on `host` that is free now: `port` itself when it is, a free one when `port` is 0. For libraries that
 * bind by themselves and cannot report the port they got; the port is released again before it is returned.
 * @throws the bind error (EADDRINUSE, EADDRNOTAVAIL) when `port` cannot be had
 */
export async function freeUdpPort(host: string, port = 0): Promise<number> {
  const socket = await bindUdp(host, port);
  const bound = socket.address().port;
  await new Promise<void>((resolve) => socket.close(() => resolve()));
  return bound;
}
