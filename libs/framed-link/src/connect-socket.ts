import { connect, type Socket } from 'node:net';

export interface SocketEndpoint {
  readonly host: string;
  readonly port: number;
}

/** Opens a TCP connection, failing after `timeoutMs` if the peer neither accepts nor refuses. */
export function connectSocket(endpoint: SocketEndpoint, timeoutMs: number): Promise<Socket> {
  return new Promise<Socket>((resolve, reject) => {
    const socket = connect({ host: endpoint.host, port: endpoint.port });
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`connect to ${endpoint.host}:${endpoint.port} timed out after ${timeoutMs} ms`));
    }, timeoutMs);
    socket.once('connect', () => {
      clearTimeout(timer);
      socket.removeAllListeners('error');
      resolve(socket);
    });
    socket.once('error', (error) => {
      clearTimeout(timer);
      socket.destroy();
      reject(error);
    });
  });
}
