export * from './tserver-client';
export * from './client-events';
export * from './options';
export * from './errors/tserver-client.error';
export * from './errors/link-down.error';
export * from './errors/tserver-request.error';
export * from './errors/registration-refused.error';
export * from './errors/protocol-version.error';
export * from './errors/standby-server.error';
export * from './requests/agent-requests';
export * from './requests/call-requests';
export * from './requests/dn-requests';
export * from './requests/user-data-requests';
export type { RequestFn } from './requests/request-fn';
/** The link parts both platform clients share, from `@gws/framed-link`. */
export {
  ClientClosedError,
  InvalidOptionError,
  LinkError,
  RequestTimeoutError,
  RetriesExhaustedError,
  type LinkEndpoint,
  type LinkStatus,
  type LinkStatusChange,
  type RetryStrategy,
} from '@gws/framed-link';
