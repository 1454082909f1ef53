import { DEMO_WORKSPACE_CLIENT, loadWorkspaceV3Config } from './workspace-v3-config';

describe('loadWorkspaceV3Config', () => {
  it('takes the demo client only when GWS runs embedded and none is configured', () => {
    expect(loadWorkspaceV3Config({}, true)).toMatchObject({ client: DEMO_WORKSPACE_CLIENT, demoClient: true });
    expect(loadWorkspaceV3Config({}, false)).toMatchObject({ client: undefined, demoClient: false });
    const env = { WORKSPACE_CLIENT_ID: 'desk', WORKSPACE_CLIENT_SECRET: 'a-long-secret' };
    expect(loadWorkspaceV3Config(env, true)).toMatchObject({
      client: { id: 'desk', secret: 'a-long-secret' },
      demoClient: false,
    });
  });

  it('signs tokens with the configured key, else a random one per process', () => {
    const secret = 'k'.repeat(32);
    expect(loadWorkspaceV3Config({ WORKSPACE_TOKEN_SECRET: secret }, true)).toMatchObject({
      tokenSecret: Buffer.from(secret),
      tokenSecretConfigured: true,
    });
    const first = loadWorkspaceV3Config({}, true);
    expect(first.tokenSecretConfigured).toBe(false);
    expect(first.tokenSecret.equals(loadWorkspaceV3Config({}, true).tokenSecret)).toBe(false);
    expect(first.tokenTtlSeconds).toBe(3600);
  });

  it('names every invalid setting, never its value', () => {
    const load = () =>
      loadWorkspaceV3Config(
        { WORKSPACE_CLIENT_ID: 'desk', WORKSPACE_TOKEN_TTL_SECONDS: '0', WORKSPACE_TOKEN_SECRET: 'short-secret' },
        true,
      );
    for (const name of ['WORKSPACE_TOKEN_TTL_SECONDS', 'WORKSPACE_TOKEN_SECRET', 'WORKSPACE_CLIENT_SECRET']) {
      expect(load).toThrow(name);
    }
    expect(load).not.toThrow(/short-secret/);
  });
});
