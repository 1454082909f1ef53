import { z } from 'zod';
import { SUBSCRIBABLE_CHANNELS } from './gws-topics';
import type { NotificationsLogger } from './notifications-logger';

/** Injection token of the validated {@link ResolvedNotificationsOptions}. */
export const NOTIFICATIONS_OPTIONS = Symbol('NOTIFICATIONS_OPTIONS');

/** Options of `NotificationsModule.register`. Every field is optional; defaults are in {@link DEFAULT_NOTIFICATIONS_OPTIONS}. */
export interface NotificationsOptions {
  /**
   * Where the Bayeux endpoint is mounted.
   * @default '/api/v2/notifications'
   */
  path?: string;
  /**
   * Channels a client may subscribe to (and the only ones that exist); any other subscription is refused. What a
   * session receives does not depend on them (delivery is per user), only where the client library routes it.
   * @default the GWS API v2 topics and `/v2/me/*`, `/v2/me/**` (gws-topics.ts)
   */
  channels?: readonly string[];
  /**
   * How long the server holds a `/meta/connect` (long poll) when it has nothing to send, in ms.
   * Keep it under the idle timeout of every proxy between browser and server.
   * @default 30000
   */
  timeout?: number;
  /**
   * Advised pause between the end of one long poll and the next, in ms. 0: reconnect at once.
   * @default 0
   */
  interval?: number;
  /**
   * How long a session may go without a `/meta/connect` before the server drops it, in ms, counted
   * from the end of the previous one. Bounds how long a closed tab keeps receiving (and queueing) messages.
   * @default 15000
   */
  maxInterval?: number;
  /**
   * Long polls one browser (one `BAYEUX_BROWSER` cookie) may hold at once; sessions over the limit
   * poll every `multiSessionInterval` instead. -1: no limit; 0: never hold a long poll.
   *
   * Two, because an agent may keep two tabs of the desktop open in one browser and both must get
   * notifications without delay, while an HTTP/1.1 browser allows only 6 connections per host: two
   * parked long polls leave four for REST calls. Two different browsers have two different cookies and
   * are not limited by this at all.
   * @default 2
   */
  maxSessionsPerBrowser?: number;
  /**
   * Polling period advised to sessions over `maxSessionsPerBrowser`, in ms.
   * @default 2000
   */
  multiSessionInterval?: number;
  /**
   * Sets `Secure` on the `BAYEUX_BROWSER` cookie; turn it on behind HTTPS.
   * @default false
   */
  browserCookieSecure?: boolean;
  /**
   * `SameSite` of the `BAYEUX_BROWSER` cookie. The server finds a Bayeux session only through that cookie,
   * so an agent desktop served from another site (CORS) needs `None`, which browsers accept only with
   * `browserCookieSecure`.
   * @default 'Lax'
   */
  browserCookieSameSite?: 'Strict' | 'Lax' | 'None';
  /**
   * On shutdown, how long to wait for clients between two long polls to come back and be told to
   * disconnect, in ms. Clients still away after that find no session on their next request.
   * @default 1000
   */
  shutdownDrainTimeout?: number;
  /**
   * Largest Bayeux request body, in bytes or as `100kb`: a longer `Content-Length` is refused with 413 before the
   * body is read, and so is a streamed body once it passes the limit.
   * @default '100kb'
   */
  maxBodySize?: number | string;
  /**
   * Messages one Bayeux request may carry; more are refused with 413.
   * @default 100
   */
  maxBatchMessages?: number;
  /**
   * Messages one session may hold for its client (queued, plus sent and not yet acknowledged by a client of the
   * acknowledgement extension). One more ends the session; the client handshakes again and re-reads its state.
   * @default 1000
   */
  maxQueuedMessages?: number;
  /**
   * Bayeux sessions one user may hold; a handshake past it ends the user's oldest session.
   * @default 8
   */
  maxSessionsPerUser?: number;
  /**
   * Bayeux sessions one HTTP session (one login) may hold; a handshake past it ends that login's oldest session.
   * @default 4
   */
  maxSessionsPerHttpSession?: number;
  /**
   * Logging hook (pino-compatible). Defaults to Nest's logger under the `CometdGateway` context.
   */
  logger?: NotificationsLogger;
}

export type ResolvedNotificationsOptions = Required<Omit<NotificationsOptions, 'logger'>> &
  Pick<NotificationsOptions, 'logger'>;

export const DEFAULT_NOTIFICATIONS_OPTIONS = {
  path: '/api/v2/notifications',
  channels: [...SUBSCRIBABLE_CHANNELS],
  timeout: 30_000,
  interval: 0,
  maxInterval: 15_000,
  maxSessionsPerBrowser: 2,
  multiSessionInterval: 2_000,
  browserCookieSecure: false,
  browserCookieSameSite: 'Lax',
  shutdownDrainTimeout: 1_000,
  maxBodySize: '100kb',
  maxBatchMessages: 100,
  maxQueuedMessages: 1_000,
  maxSessionsPerUser: 8,
  maxSessionsPerHttpSession: 4,
} as const satisfies Required<Omit<NotificationsOptions, 'logger'>>;

const milliseconds = z.number().int().min(0);

const schema = z
  .object({
    path: z.string().regex(/^\/[\w\-/]*[\w-]$/, 'a path such as /api/v2/notifications'),
    channels: z.array(z.string().regex(/^\/[\w\-/*]*[\w\-*]$/, 'a channel such as /v2/me/calls')).min(1),
    timeout: milliseconds,
    interval: milliseconds,
    maxInterval: milliseconds.min(1),
    maxSessionsPerBrowser: z.number().int().min(-1),
    multiSessionInterval: milliseconds,
    browserCookieSecure: z.boolean(),
    browserCookieSameSite: z.enum(['Strict', 'Lax', 'None']),
    shutdownDrainTimeout: milliseconds,
    maxBodySize: z.union([z.number().int().min(1), z.string().regex(/^\d+(b|kb|mb)$/i, 'a size such as 100kb')]),
    maxBatchMessages: z.number().int().min(1),
    maxQueuedMessages: z.number().int().min(1),
    maxSessionsPerUser: z.number().int().min(1),
    maxSessionsPerHttpSession: z.number().int().min(1),
  })
  .strict()
  .refine((o) => o.browserCookieSameSite !== 'None' || o.browserCookieSecure, {
    message: "browserCookieSameSite 'None' needs browserCookieSecure: true",
    path: ['browserCookieSameSite'],
  });

/** Applies the defaults and validates; throws an Error naming every offending option. */
export function resolveNotificationsOptions(options: NotificationsOptions = {}): ResolvedNotificationsOptions {
  const { logger, ...rest } = options;
  const defined = Object.fromEntries(Object.entries(rest).filter(([, value]) => value !== undefined));
  const parsed = schema.safeParse({ ...DEFAULT_NOTIFICATIONS_OPTIONS, ...defined });
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
    throw new Error(`Invalid notifications options: ${problems.join('; ')}`);
  }
  return logger ? { ...parsed.data, logger } : parsed.data;
}
