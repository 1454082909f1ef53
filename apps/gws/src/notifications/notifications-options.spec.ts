import { DEFAULT_NOTIFICATIONS_OPTIONS, resolveNotificationsOptions } from './notifications-options';

describe('resolveNotificationsOptions', () => {
  it('applies the documented defaults', () => {
    expect(resolveNotificationsOptions()).toEqual({
      path: '/api/v2/notifications',
      channels: ['/v2/me/devices', '/v2/me/calls', '/v2/me/channels', '/v2/me', '/v2/me/*', '/v2/me/**'],
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
    });
    expect(resolveNotificationsOptions()).toEqual(DEFAULT_NOTIFICATIONS_OPTIONS);
  });

  it('keeps given values, ignores undefined ones and passes the logger through', () => {
    const logger = { debug: jest.fn(), info: jest.fn(), warn: jest.fn() };
    const resolved = resolveNotificationsOptions({
      timeout: 10_000,
      maxSessionsPerBrowser: -1,
      interval: undefined,
      logger,
    });
    expect(resolved).toMatchObject({ timeout: 10_000, maxSessionsPerBrowser: -1, interval: 0 });
    expect(resolved.logger).toBe(logger);
  });

  it('names every invalid option', () => {
    expect(() =>
      resolveNotificationsOptions({ timeout: -1, maxInterval: 0, maxSessionsPerBrowser: 1.5, path: 'notifications' }),
    ).toThrow(/^Invalid notifications options: .*path: .*timeout: .*maxInterval: .*maxSessionsPerBrowser: /);
  });

  it('accepts SameSite None only with a Secure cookie', () => {
    expect(() => resolveNotificationsOptions({ browserCookieSameSite: 'None' })).toThrow(/needs browserCookieSecure/);
    expect(resolveNotificationsOptions({ browserCookieSameSite: 'None', browserCookieSecure: true })).toMatchObject({
      browserCookieSameSite: 'None',
    });
  });

  it('takes the channels of another endpoint, each a channel name or wildcard', () => {
    const channels = ['/workspace/v3/initialization', '/workspace/v3/voice'];
    expect(resolveNotificationsOptions({ channels }).channels).toEqual(channels);
    expect(() => resolveNotificationsOptions({ channels: ['voice'] })).toThrow(/channels\.0: a channel/);
    expect(() => resolveNotificationsOptions({ channels: [] })).toThrow(/channels/);
  });

  it('refuses unknown options', () => {
    expect(() => resolveNotificationsOptions({ timeOut: 5 } as never)).toThrow(/Invalid notifications options/);
  });
});
