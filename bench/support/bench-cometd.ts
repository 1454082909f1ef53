/**
 * The CometD side of a simulated browser, shared by the benchmarks: the official client on cometd-nodejs-client,
 * long-polling only, with a cookie jar of its own (/work/shared/notes/cometd-in-node.md: the client keeps one cookie
 * jar per hostname per process). A browser reaches a server on its own loopback hostname (127.0.N.M), which also
 * gives it its own connections; behind a load balancer that listens on 127.0.0.1 alone, every browser uses the one
 * URL and is told apart by a `browser` query parameter, which names its jar.
 */
import { CometD } from 'cometd';
import { adapt } from 'cometd-nodejs-client';
import { CometdCookieJar } from '../../test/support/cometd-cookie-jar';

const BROWSER_PARAM = 'browser';

/** The jar host of browser `index` behind a shared URL. */
const sharedJarHost = (index: string | number): string => `browser-${index}.shared`;

/** Cookies by the jar a request belongs to: its hostname, or the jar its `browser` parameter names. */
class BenchCookieJar extends CometdCookieJar {
  override storeCookie(uri: URL, header: string, callback: (failure: Error | null, cookie: unknown) => void): void {
    super.storeCookie(jarUrlOf(uri), header, callback);
  }

  override retrieveCookies(
    context: unknown,
    uri: URL,
    callback: (failure: Error | null, cookies: string[]) => void,
  ): void {
    super.retrieveCookies(context, jarUrlOf(uri), callback);
  }
}

function jarUrlOf(uri: URL): URL {
  const browser = uri.searchParams.get(BROWSER_PARAM);
  return browser === null ? uri : new URL(`http://${sharedJarHost(browser)}/`);
}

/** Every benchmark browser's cookies, by the `host` of its {@link BenchCometd}. */
export const cookieJars: CometdCookieJar = new BenchCookieJar();
let adapted = false;

/** Loopback hostname of browser `index` (0-based): 127.0.0.2, 127.0.0.3, ..., 127.0.1.0, ... */
export function loopbackHostOf(index: number): string {
  const n = index + 2;
  return `127.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
}

/** Where browsers reach the server: the port every loopback address reaches it on, or one URL they all share. */
export type BenchServer = number | { readonly sharedUrl: string };

export interface BenchCometd {
  /** The hostname its cookies are kept under in {@link cookieJars}: its loopback address, or its shared-URL jar. */
  readonly host: string;
  /** Where its REST requests go: `http://<host>:<port>`, or the shared URL. */
  readonly baseUrl: string;
  readonly cometd: CometD;
  /** Resolves at the first successful /meta/connect (the long poll is then parked). */
  readonly firstConnect: Promise<void>;
}

/** A configured, not yet handshaken client for browser `index` of a GWS reached as `server` says. */
export function benchCometd(server: BenchServer, index: number, name: string): BenchCometd {
  if (!adapted) {
    adapt({ cookies: cookieJars });
    adapted = true;
  }
  const own = typeof server === 'number';
  const host = own ? loopbackHostOf(index) : sharedJarHost(index);
  const baseUrl = own ? `http://${host}:${server}` : server.sharedUrl.replace(/\/+$/, '');
  const cometd = new CometD(`${name}-${host}`);
  // cometd-nodejs-server speaks long-polling only; websocket would cost a failed round trip first.
  cometd.unregisterTransport('websocket');
  cometd.unregisterTransport('callback-polling');
  // With a query the client posts to the URL as it is, instead of appending /handshake, /connect (GWS takes both).
  const query = own ? '' : `?${BROWSER_PARAM}=${index}`;
  cometd.configure({ url: `${baseUrl}/api/v2/notifications${query}`, logLevel: 'warn' });
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
