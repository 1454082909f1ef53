import type { TServerClient } from '@gws/tserver-client';

/**
 * The T-Server client's request helpers (libs/tserver-client/src/requests): every T-Server request GWS sends is built
 * by one of them. Operations take only this part of the client, so their tests can hand them helpers that record.
 */
export type TServerRequests = Pick<TServerClient, 'agent' | 'calls' | 'dn' | 'userData'>;
