import type { DropArgument, Server } from 'node:net';
import type { WireMessage } from '@gws/tlib';
import { z } from 'zod';
import type { FramedConnection } from './framed-connection';
import { silentLogger, type LinkLogger } from './link-logger';

/** What a server's listener lets a peer cost before and after it registers (docs/simulator.md, "Limits"). */
export interface InboundLinkLimits {
  /** Connections one listener holds open at once; one more is closed as soon as it is accepted. @default 1000 */
  readonly maxConnections?: number;
  /** A link that has not registered within this long is closed. @default 10000 */
  readonly registrationTimeoutMs?: number;
  /** Largest frame, header included, accepted before registration; the codec's maximum after. @default 65536 */
  readonly unregisteredMaxFrameBytes?: number;
}

/**
 * 1,000 links per listener is far above what the simulators serve (one link per GWS node and endpoint, a few per
 * test or benchmark) and bounds what unregistered peers can hold: 1,000 x 64 KiB = 64 MiB of frame buffers per
 * listener, instead of 1 MiB each without limit. Ten seconds is ample for a client that registers right after
 * connecting (GWS does) and short enough that idle sockets do not pile up; 64 KiB takes any RequestRegisterClient
 * or credentials message many times over.
 */
export const DEFAULT_INBOUND_LINK_LIMITS: Required<InboundLinkLimits> = {
  maxConnections: 1000,
  registrationTimeoutMs: 10_000,
  unregisteredMaxFrameBytes: 64 * 1024,
};

/**
 * The limits as environment variables of a simulator (`<PREFIX>_MAX_CONNECTIONS`, `..._REGISTRATION_TIMEOUT_MS`,
 * `..._UNREGISTERED_MAX_FRAME_BYTES`): the zod field of each, with its range and default.
 */
export const INBOUND_LINK_LIMITS_ENV = {
  maxConnections: z.coerce.number().int().min(1).max(1_000_000).default(DEFAULT_INBOUND_LINK_LIMITS.maxConnections),
  registrationTimeoutMs: z.coerce
    .number()
    .int()
    .min(1)
    .max(3_600_000)
    .default(DEFAULT_INBOUND_LINK_LIMITS.registrationTimeoutMs),
  unregisteredMaxFrameBytes: z.coerce
    .number()
    .int()
    .min(1024)
    .max(1024 * 1024)
    .default(DEFAULT_INBOUND_LINK_LIMITS.unregisteredMaxFrameBytes),
};

/** A refused connection is logged at most this often; the lines in between are counted in the next one. */
const REFUSAL_LOG_INTERVAL_MS = 1000;

export interface InboundLinkGuardOptions {
  /** Names the listener in logs, e.g. `tserver-sim primary`. */
  readonly name: string;
  readonly limits?: InboundLinkLimits;
  readonly logger?: LinkLogger;
}

/** Lifts the pre-registration bounds of one link once its peer has registered. */
export interface PendingRegistration {
  /** The peer registered: stops the deadline and raises the frame limit to the codec's maximum. Idempotent. */
  registered(): void;
}

/**
 * Bounds what peers of one listening server may cost: at most `maxConnections` links at once (Node refuses the
 * rest before reading a byte, and each refusal is logged), and each link, until `admit(...).registered()`, may
 * send frames of `unregisteredMaxFrameBytes` at most and is closed after `registrationTimeoutMs`.
 */
export class InboundLinkGuard {
  readonly limits: Required<InboundLinkLimits>;
  /** Connections refused because the listener was full. */
  refusedConnections = 0;
  private readonly name: string;
  private readonly logger: LinkLogger;
  private lastRefusalLoggedAt = Number.NEGATIVE_INFINITY;
  private refusedSinceLog = 0;

  /** @throws RangeError on a limit out of range */
  constructor(server: Server, options: InboundLinkGuardOptions) {
    this.name = options.name;
    this.logger = options.logger ?? silentLogger;
    this.limits = resolveInboundLinkLimits(options.limits);
    server.maxConnections = this.limits.maxConnections;
    server.on('drop', (peer) => this.refused(peer));
  }

  /**
   * Applies the pre-registration bounds to a new link. Call it right after constructing the connection, before any
   * byte is read (bytes arrive on a later tick). @throws RangeError when the limit exceeds the codec's maximum
   */
  admit<M extends WireMessage>(connection: FramedConnection<M>): PendingRegistration {
    const fullMaxFrameBytes = connection.maxFrameBytes;
    connection.setMaxFrameBytes(Math.min(this.limits.unregisteredMaxFrameBytes, fullMaxFrameBytes));
    const timeoutMs = this.limits.registrationTimeoutMs;
    const timer = setTimeout(() => {
      this.logger.warn(
        { listener: this.name, link: connection.name, remote: connection.remote, timeoutMs },
        'closing link: not registered in time',
      );
      connection.destroy(`not registered within ${timeoutMs} ms`);
    }, timeoutMs);
    timer.unref();
    connection.once('close', () => clearTimeout(timer));
    let pending = true;
    return {
      registered: () => {
        if (!pending) return;
        pending = false;
        clearTimeout(timer);
        if (!connection.closed) connection.setMaxFrameBytes(fullMaxFrameBytes);
      },
    };
  }

  private refused(peer: DropArgument | undefined): void {
    this.refusedConnections++;
    this.refusedSinceLog++;
    const now = Date.now();
    if (now - this.lastRefusalLoggedAt < REFUSAL_LOG_INTERVAL_MS) return;
    this.logger.warn(
      {
        listener: this.name,
        remote: `${peer?.remoteAddress ?? '?'}:${peer?.remotePort ?? '?'}`,
        maxConnections: this.limits.maxConnections,
        refused: this.refusedSinceLog,
        refusedTotal: this.refusedConnections,
      },
      'connection refused: listener is full',
    );
    this.lastRefusalLoggedAt = now;
    this.refusedSinceLog = 0;
  }
}

/**
 * Picks the three limits out of `limits` (a simulator passes its whole options), applies the defaults and checks each.
 * @throws RangeError
 */
export function resolveInboundLinkLimits(limits: InboundLinkLimits = {}): Required<InboundLinkLimits> {
  const defaults = DEFAULT_INBOUND_LINK_LIMITS;
  const resolved = {
    maxConnections: limits.maxConnections ?? defaults.maxConnections,
    registrationTimeoutMs: limits.registrationTimeoutMs ?? defaults.registrationTimeoutMs,
    unregisteredMaxFrameBytes: limits.unregisteredMaxFrameBytes ?? defaults.unregisteredMaxFrameBytes,
  };
  checkInt('maxConnections', resolved.maxConnections, 1, 1_000_000);
  checkInt('registrationTimeoutMs', resolved.registrationTimeoutMs, 1, 3_600_000);
  checkInt('unregisteredMaxFrameBytes', resolved.unregisteredMaxFrameBytes, 11, 64 * 1024 * 1024);
  return resolved;
}

function checkInt(name: string, value: number, min: number, max: number): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new RangeError(`${name} ${value}: expected an integer from ${min} to ${max}`);
  }
}
