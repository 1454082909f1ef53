import { DEFAULT_NOTIFICATIONS_OPTIONS, resolveNotificationsOptions } from './notifications-options';

describe('resolveNotificationsOptions', () => {
  it('applies the documented defaults', () => {
    expect(resolveNotificationsOptions()).toEqual({
      path: '/api/v2/notifications',
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

  it('refuses unknown options', () => {
    expect(() => resolveNotificationsOptions({ timeOut: 5 } as never)).toThrow(/Invalid notifications options/);
  });
});
