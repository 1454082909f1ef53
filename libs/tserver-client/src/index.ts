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
/** The shared link errors a TServerClient raises (defined in `@gws/framed-link`, as is `LinkStatus`). */
export { ClientClosedError, InvalidOptionError, RequestTimeoutError, RetriesExhaustedError } from '@gws/framed-link';
export type { LinkEndpoint, LinkStatus } from '@gws/framed-link';
