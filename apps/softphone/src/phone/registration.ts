/** The registration indicator's text (also `window.softphone.registration`). */
export type RegistrationText = 'Not registered' | 'Registered' | `Registration failed: ${string}`;

/** The socket to the gateway, shown beside the indicator. */
export type GatewayLink = 'disconnected' | 'connecting' | 'connected';

/** When to fetch the next SIP credential: well before `expiresAt`, at least every 10 min, never in a busy loop. */
export function credentialRefreshDelayMs(expiresAt: string, now: number): number {
  const left = Date.parse(expiresAt) - now;
  const margin = Math.min(60_000, left / 2);
  return Math.min(10 * 60_000, Math.max(5_000, left - margin));
}

/** Backoff between retries after a refused REGISTER or a failed credential fetch: 5 s doubling to 60 s. */
export function retryDelayMs(attempt: number): number {
  return Math.min(60_000, 5_000 * 2 ** Math.max(0, attempt - 1));
}
