import { connect, type Socket } from 'node:net';
import type { NodeInfo } from '@gws/stores';

/** How the watch reports. */
export interface WardWatchLogger {
  log(message: string): void;
  warn(message: string): void;
}

export interface WardWatchOptions {
  /** After a first refusal, how long before the second attempt that confirms it. */
  readonly confirmMs?: number;
  /** Between attempts that did not connect and said nothing (timeouts, unreachable hosts), and before the first link. */
  readonly retryMs?: number;
  /** Bound of each connection attempt (a silent host never answers a SYN). */
  readonly connectTimeoutMs?: number;
}

const DEFAULTS: Required<WardWatchOptions> = { confirmMs: 100, retryMs: 1000, connectTimeoutMs: 2000 };

/**
 * Sees a ward's process die within milliseconds rather than when its liveness entry expires (NODE_TTL_MS). The
 * standby holds one keep-alive HTTP connection to each ward's internal URL (the address request forwarding already
 * uses). When the process dies (a crash, `kill -9`, the OOM killer), its kernel closes that connection at once; the
 * watch connects again, and a port that refuses twice, `confirmMs` apart, on a host that answers, means nothing
 * listens there any more: `onGone` is told, once per incarnation.
 *
 * Only that is taken as proof. A ward never reached (a wrong internal URL), an attempt that times out or a host that
 * does not answer (a partition, a dead machine) leaves the decision to the liveness entry, as before. Each connection
 * asks `GET /health/live` once, so that the ward's server holds it as an idle keep-alive connection: one it ends
 * after its keep-alive timeout (then it is made again, a probe every few seconds), and one a graceful stop closes at
 * once (a connection that never sent a request would hold `server.close()` up until the headers timeout). Written
 * on the socket by hand rather than through an `http.Agent`, which hides when its sockets close and why a
 * connection failed; the answer is not read.
 */
export class WardWatch {
  private readonly links = new Map<string, WardLink>();
  private readonly options: Required<WardWatchOptions>;
  private readonly counts = { attempts: 0 };
  /** Wards whose URL this watch cannot use, said once each. */
  private readonly unwatchable = new Set<string>();
  private closed = false;

  constructor(
    private readonly onGone: (ward: NodeInfo) => void,
    private readonly logger: WardWatchLogger,
    options: WardWatchOptions = {},
  ) {
    this.options = { ...DEFAULTS, ...options };
  }

  /** Watches exactly these wards (their current entries); a ward restarted since is watched afresh. */
  watch(wards: readonly NodeInfo[]): void {
    if (this.closed) return;
    const wanted = new Map(wards.map((ward) => [incarnationOf(ward), ward]));
    for (const [key, link] of this.links) {
      if (!wanted.has(key)) {
        link.close();
        this.links.delete(key);
      }
    }
    for (const [key, ward] of wanted) {
      if (this.links.has(key)) continue;
      const address = addressOf(ward.internalUrl);
      if (address === undefined) {
        if (!this.unwatchable.has(key))
          this.logger.warn(`node ${ward.nodeId} not watched: ${ward.internalUrl} is not a plain http:// URL`);
        this.unwatchable.add(key);
        continue;
      }
      this.links.set(key, new WardLink(ward, address, this.options, this.onGone, this.logger, this.counts));
    }
  }

  /** Connection attempts made so far, over every ward. */
  get attempts(): number {
    return this.counts.attempts;
  }

  /** How many wards are watched (a link is up or being made). */
  get size(): number {
    return this.links.size;
  }

  /** Stops every watch for good (the node drains or stops). */
  close(): void {
    this.closed = true;
    for (const link of this.links.values()) link.close();
    this.links.clear();
  }
}

interface Address {
  readonly host: string;
  readonly port: number;
}

/** One ward's watch connection, made again whenever it ends, until the ward is gone or no longer watched. */
class WardLink {
  private socket: Socket | undefined;
  private timer: NodeJS.Timeout | undefined;
  /** Reached once: from then on a refusal means the process went away (before, a wrong URL). */
  private reached = false;
  private refusals = 0;
  /** Said once that the ward is not reached yet. */
  private warned = false;
  private state: 'watching' | 'gone' | 'closed' = 'watching';

  constructor(
    private readonly ward: NodeInfo,
    private readonly address: Address,
    private readonly options: Required<WardWatchOptions>,
    private readonly onGone: (ward: NodeInfo) => void,
    private readonly logger: WardWatchLogger,
    private readonly counts: { attempts: number },
  ) {
    this.attempt();
  }

  close(): void {
    this.state = 'closed';
    clearTimeout(this.timer);
    this.socket?.destroy();
    this.socket = undefined;
  }

  private attempt(): void {
    if (this.state !== 'watching') return;
    let refused = false;
    let connectedAt: number | undefined;
    this.counts.attempts++;
    const socket = connect({ host: this.address.host, port: this.address.port });
    this.socket = socket;
    socket.setTimeout(this.options.connectTimeoutMs, () => socket.destroy());
    socket.on('connect', () => {
      connectedAt = Date.now();
      socket.setTimeout(0);
      socket.write(
        `GET /health/live HTTP/1.1\r\nHost: ${hostHeaderOf(this.address)}\r\nUser-Agent: gws-ward-watch\r\n\r\n`,
      );
      if (!this.reached) this.logger.log(`watching node ${this.ward.nodeId} at ${this.ward.internalUrl}`);
      this.reached = true;
      this.refusals = 0;
    });
    socket.on('data', () => undefined);
    socket.on('error', (error: NodeJS.ErrnoException) => {
      refused = error.code === 'ECONNREFUSED';
    });
    socket.on('close', () => {
      if (this.socket === socket) this.socket = undefined;
      if (this.state !== 'watching') return;
      // A connection that lived is made again at once (a crash ends it); one ended right away, after a pause.
      if (connectedAt !== undefined) {
        return Date.now() - connectedAt >= this.options.retryMs ? this.attempt() : this.later(this.options.confirmMs);
      }
      if (refused && this.reached && ++this.refusals >= 2) return this.gone();
      if (!this.reached && !this.warned) {
        this.warned = true;
        this.logger.warn(
          `node ${this.ward.nodeId} not reached at ${this.ward.internalUrl}: its death will be seen when its liveness entry expires`,
        );
      }
      this.later(refused && this.reached ? this.options.confirmMs : this.options.retryMs);
    });
  }

  private gone(): void {
    this.state = 'gone';
    this.logger.warn(`node ${this.ward.nodeId} is gone: ${this.ward.internalUrl} refuses connections`);
    this.onGone(this.ward);
  }

  private later(ms: number): void {
    this.timer = setTimeout(() => this.attempt(), ms);
    this.timer.unref();
  }
}

/** A ward is watched per incarnation: the same id started again is another process. */
function incarnationOf(ward: NodeInfo): string {
  return `${ward.nodeId}@${ward.startedAt}`;
}

/** Where a ward's plain-HTTP internal URL points; undefined for any other (TLS is not spoken here). */
function addressOf(internalUrl: string): Address | undefined {
  try {
    const url = new URL(internalUrl);
    if (url.protocol !== 'http:') return undefined;
    const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
    return host === '' ? undefined : { host, port: Number(url.port || 80) };
  } catch {
    return undefined;
  }
}

function hostHeaderOf({ host, port }: Address): string {
  return `${host.includes(':') ? `[${host}]` : host}:${port}`;
}
