import type { CometDServer, ServerMessage, ServerSession } from 'cometd-nodejs-server';
import { ClientAdviceLimits } from './client-advice-limits';

describe('ClientAdviceLimits', () => {
  const limits = new ClientAdviceLimits({ timeout: 30_000, interval: 2_000 });
  const pass = (message: ServerMessage): ServerMessage => {
    let passed: boolean | undefined;
    limits.incoming({} as CometDServer, {} as ServerSession, message, (_error, result) => (passed = result));
    expect(passed).toBe(true);
    return message;
  };

  it("holds a /meta/connect's timeout and interval within the server's bounds", () => {
    expect(pass({ channel: '/meta/connect', advice: { timeout: 1e12, interval: 1e12 } }).advice).toEqual({
      timeout: 30_000,
      interval: 2_000,
    });
    expect(pass({ channel: '/meta/connect', advice: { timeout: -5, interval: 500.7 } }).advice).toEqual({
      timeout: 0,
      interval: 500,
    });
  });

  it('drops advice values that are not finite numbers, and leaves other advice out', () => {
    expect(
      pass({ channel: '/meta/connect', advice: { timeout: 'forever', interval: Infinity, reconnect: 'none' } }).advice,
    ).toEqual({});
    expect(pass({ channel: '/meta/connect', advice: 'nonsense' }).advice).toEqual({});
  });

  it('leaves a connect without advice, and other channels, as they are', () => {
    expect(pass({ channel: '/meta/connect' }).advice).toBeUndefined();
    expect(pass({ channel: '/meta/handshake', advice: { interval: 1e12 } }).advice).toEqual({ interval: 1e12 });
  });
});
