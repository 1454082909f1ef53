import { createCometDServer, type CometDServer } from 'cometd-nodejs-server';
import type { ResolvedNotificationsOptions } from './notifications-options';

/**
 * The cometd-nodejs-server GWS pushes through, before any GWS policy: long polling with the given options.
 * `CometdGateway` adds its security policy, session binding and acknowledgement extension (`SequencedDelivery`:
 * the library's own numbers its batches per process, which a cluster cannot share); the event-push benchmark's bare
 * baseline uses it as it is, so that both run the same server settings.
 */
export function createNotificationsServer(options: ResolvedNotificationsOptions): CometDServer {
  const server = createCometDServer({
    timeout: options.timeout,
    interval: options.interval,
    maxInterval: options.maxInterval,
    maxSessionsPerBrowser: options.maxSessionsPerBrowser,
    multiSessionInterval: options.multiSessionInterval,
    browserCookieSecure: options.browserCookieSecure,
    browserCookieSameSite: options.browserCookieSameSite,
  });
  return server;
}
