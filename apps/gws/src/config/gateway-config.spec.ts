import { ConfigError, loadGwsConfig } from './gws-config';

const REDIS = { REDIS_URL: 'redis://127.0.0.1:6379' };

describe('gateway settings', () => {
  it('are absent unless GATEWAY_WS_URI is given: devices behave as without a gateway', () => {
    expect(loadGwsConfig({}).gateway).toBeUndefined();
  });

  it('take the defaults of docs/sip-gateway.md and the session lifetime for SIP credentials', () => {
    const gateway = loadGwsConfig({ ...REDIS, GATEWAY_WS_URI: 'wss://gw.example.com/ws' }).gateway;
    expect(gateway).toMatchObject({
      wsUri: 'wss://gw.example.com/ws',
      sipDomain: 'gw.open-gws.test',
      controlUrl: undefined,
      credentialTtlMs: 1_800_000,
      iceTransportPolicy: 'all',
      turn: undefined,
    });
    expect(gateway?.dnPattern.test('5001')).toBe(true);
    expect(gateway?.dnPattern.test('7001')).toBe(false);
  });

  it('reads TURN servers and their shared secret together', () => {
    const gateway = loadGwsConfig({
      ...REDIS,
      GATEWAY_WS_URI: 'ws://127.0.0.1:8088/ws',
      TURN_URIS: 'turn:turn.example.com:3478?transport=udp, turns:turn.example.com:5349?transport=tcp',
      TURN_SECRET: 'a-shared-secret-of-coturn',
      TURN_CREDENTIAL_TTL_SECONDS: '600',
    }).gateway;
    expect(gateway?.turn).toEqual({
      uris: ['turn:turn.example.com:3478?transport=udp', 'turns:turn.example.com:5349?transport=tcp'],
      secret: 'a-shared-secret-of-coturn',
      ttlMs: 600_000,
    });
  });

  it.each([
    [{ GATEWAY_WS_URI: 'wss://gw/ws' }, 'GATEWAY_WS_URI needs the shared Redis'],
    [{ ...REDIS, GATEWAY_WS_URI: 'https://gw/ws' }, 'GATEWAY_WS_URI'],
    [{ ...REDIS, GATEWAY_WS_URI: 'wss://gw/ws', TURN_URIS: 'turn:t:3478' }, 'TURN_URIS and TURN_SECRET go together'],
    [{ ...REDIS, TURN_URIS: 'http://t', TURN_SECRET: 'x'.repeat(16) }, 'TURN_URIS'],
    [{ ...REDIS, GATEWAY_DN_PATTERN: '5[0-9' }, 'not a regular expression'],
  ])('refuses %j', (env, problem) => {
    expect(() => loadGwsConfig(env)).toThrow(ConfigError);
    expect(() => loadGwsConfig(env)).toThrow(problem);
  });
});
