/**
 * The Bayeux channels of GWS API v2 this server publishes on, one per resource family of the current user.
 * `/v2/me` carries the password-change notifications.
 */
export const GWS_TOPICS = ['/v2/me/devices', '/v2/me/calls', '/v2/me/channels', '/v2/me'] as const;

export type GwsTopic = (typeof GWS_TOPICS)[number];

/**
 * Channels a client may subscribe to: the topics plus the wildcards GWS clients use. `/v2/me/**` is allowed
 * as well: every topic sits one level under `/v2/me`, so it matches exactly what `/v2/me/*` matches, and
 * subscriptions never widen what a session receives (delivery is per session, never a broadcast).
 */
export const SUBSCRIBABLE_CHANNELS: ReadonlySet<string> = new Set<string>([...GWS_TOPICS, '/v2/me/*', '/v2/me/**']);

export function isGwsTopic(channel: string): channel is GwsTopic {
  return (GWS_TOPICS as readonly string[]).includes(channel);
}

export function isSubscribableChannel(channel: string): boolean {
  return SUBSCRIBABLE_CHANNELS.has(channel);
}
