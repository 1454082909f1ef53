/**
 * The CometD side of a simulated browser, shared by the benchmarks: the official client on cometd-nodejs-client,
 * long-polling only, on the browser's own loopback hostname (127.0.N.M) so that it has its own cookie jar and its
 * own connections (/work/shared/notes/cometd-in-node.md: one cookie jar per hostname per process).
 */
import { CometD } from 'cometd';
import { adapt } from 'cometd-nodejs-client';
import { CometdCookieJar } from '../../test/support/cometd-cookie-jar';

/** Every benchmark browser's cookies, by hostname. */
export const cookieJars = new CometdCookieJar();
let adapted = false;

/** Loopback hostname of browser `index` (0-based): 127.0.0.2, 127.0.0.3, ..., 127.0.1.0, ... */
export function loopbackHostOf(index: number): string {
  const n = index + 2;
  return `127.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
}

export interface BenchCometd {
  readonly host: string;
  /** `http://<host>:<port>` */
  readonly baseUrl: string;
  readonly cometd: CometD;
  /** Resolves at the first successful /meta/connect (the long poll is then parked). */
  readonly firstConnect: Promise<void>;
}

/** A configured, not yet handshaken client for browser `index` of a GWS on `port`. */
export function benchCometd(port: number, index: number, name: string): BenchCometd {
  if (!adapted) {
    adapt({ cookies: cookieJars });
    adapted = true;
  }
  const host = loopbackHostOf(index);
  const baseUrl = `http://${host}:${port}`;
  const cometd = new CometD(`${name}-${host}`);
  // cometd-nodejs-server speaks long-polling only; websocket would cost a failed round trip first.
  cometd.unregisterTransport('websocket');
  cometd.unregisterTransport('callback-polling');
  cometd.configure({ url: `${baseUrl}/api/v2/notifications`, logLevel: 'warn' });
  const firstConnect = new Promise<void>((resolve) =>
    cometd.addListener('/meta/connect', (reply) => {
      if (reply.successful === true) resolve();
    }),
  );
  return { host, baseUrl, cometd, firstConnect };
}

/** Disconnects the CometD session if it is up and forgets the browser's cookies; never rejects, bounded by `timeoutMs`. */
export async function closeBenchCometd(
  browser: Pick<BenchCometd, 'cometd' | 'host'>,
  timeoutMs: number,
): Promise<void> {
  const { cometd } = browser;
  if (!cometd.isDisconnected()) {
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, timeoutMs);
      cometd.disconnect(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }
  cookieJars.clear(browser.host);
}
