export * from './link-logger';
export * from './close-reason';
export * from './framed-connection';
export * from './backoff';
export * from './request-tracker';
export * from './int32-sequence';
export * from './connect-socket';
export * from './inbound-link-guard';
