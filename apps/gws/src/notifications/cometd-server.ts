import { createCometDServer, type CometDServer } from 'cometd-nodejs-server';
import { AcknowledgedMessagesExtension } from 'cometd-nodejs-server/ack-extension';
import type { ResolvedNotificationsOptions } from './notifications-options';

/**
 * The cometd-nodejs-server GWS pushes through, before any GWS policy: long polling with the given options and the
 * acknowledgement extension. `CometdGateway` adds its security policy and session binding on top; the event-push
 * benchmark's bare baseline uses it as it is, so that both run the same server settings.
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
  // Messages stay queued until the client acknowledges the /meta/connect that carried them, so a long
  // poll lost on the network is delivered again on the next one (clients opt in with their AckExtension).
  server.addExtension(new AcknowledgedMessagesExtension());
  return server;
}
