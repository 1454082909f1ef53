import { ConfigError, loadGwsConfig } from './gws-config';

describe('cluster settings', () => {
  it('default to a 1 s heartbeat, a 3 s liveness and a standby on every node', () => {
    expect(loadGwsConfig({}).cluster).toMatchObject({ heartbeatMs: 1000, ttlMs: 3000, standby: true });
  });

  it('turn the standby off with NODE_STANDBY=false (takeovers then re-read T-Server alone)', () => {
    expect(loadGwsConfig({ NODE_STANDBY: 'false' }).cluster.standby).toBe(false);
    expect(() => loadGwsConfig({ NODE_STANDBY: 'no' })).toThrow(ConfigError);
  });

  it('refuse a liveness shorter than two heartbeats', () => {
    expect(() => loadGwsConfig({ NODE_HEARTBEAT_MS: '1000', NODE_TTL_MS: '1500' })).toThrow(/NODE_TTL_MS/);
  });
});
