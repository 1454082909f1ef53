import { createHash } from 'node:crypto';

/**
 * Stable ids for GWS resources, derived from Configuration Server identities so that every node of a cluster gives
 * the same id without sharing state: users get 32 hex digits (as GWS shows them), devices a UUID-shaped id.
 */
function digest(kind: string, key: string): string {
  return createHash('sha256').update(`${kind}\0${key}`).digest('hex');
}

export function userIdFor(tenantDbid: number, personDbid: number): string {
  return digest('user', `${tenantDbid}:${personDbid}`).slice(0, 32);
}

export function deviceIdFor(switchName: string, dn: string): string {
  const hex = digest('device', `${switchName}:${dn}`);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}
