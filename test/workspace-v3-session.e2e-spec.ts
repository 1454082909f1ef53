import { eventually } from './support/workspace-v3/eventually';
import { V3Agent } from './support/workspace-v3/v3-agent';
import { V3Platform } from './support/workspace-v3/v3-platform';

describe('Workspace API v3 with Genesys’ library: token, initialize, activate, Ready, destroy', () => {
  let platform: V3Platform;
  beforeAll(async () => {
    platform = await V3Platform.start();
  });
  afterAll(() => platform.close());

  it('initializes with a password-grant token and goes Ready on the library’s default activation', async () => {
    const token = await platform.requestToken('agent1');
    expect(token.status).toBe(200);
    expect(token.body).toEqual({
      access_token: expect.any(String) as unknown,
      token_type: 'bearer',
      expires_in: 3600,
      scope: '*',
    });

    const agent = await V3Agent.initialize(platform, 'agent1');
    expect(agent.api.initialized).toBe(true);
    expect(agent.api.user).toMatchObject({
      userName: 'agent1',
      employeeId: 'agent1',
      agentLogin: '1001',
      defaultPlace: 'Place_5001',
    });
    expect(agent.api.configuration.actionCodes).toEqual(
      expect.arrayContaining([expect.objectContaining({ name: 'Lunch', code: '101' })]),
    );

    const ready = await agent.activateAndReady();
    expect(ready).toMatchObject({
      number: '5001',
      agentId: '1001',
      switchName: 'SIP_Switch',
      agentState: 'Ready',
      available: true,
      dnd: false,
    });
    expect(ready.capabilities).toEqual(['not-ready', 'dnd-on', 'set-forward']);
    expect(await platform.agentOn('5001')).toBe('1001');

    await agent.destroy();
    await eventually(
      () => platform.agentOn('5001'),
      (agentId) => agentId === null,
      'agent 1001 logged out of 5001',
    );
  });
});
