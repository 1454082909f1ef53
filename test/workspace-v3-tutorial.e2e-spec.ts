import WorkspaceApi from 'genesys-workspace-client-js';
import { sessionCookieOf } from './support/workspace-v3/v3-agent';
import { V3Platform } from './support/workspace-v3/v3-platform';

/**
 * Genesys' "basic call control" tutorial (GenesysPureEngage/tutorials, basic-call-control-workspace-nodejs), as a
 * test: the same handlers on the same library calls, driven by an inbound call from the simulator's control API.
 */
describe('Workspace API v3: Genesys’ basic call control tutorial', () => {
  let platform: V3Platform;
  beforeAll(async () => {
    platform = await V3Platform.start();
  });
  afterAll(() => platform.close());

  it('answers, holds, retrieves and releases a call, sets AfterCallWork and ends', async () => {
    const workspaceApi = new WorkspaceApi(undefined, platform.baseUrl);
    const steps: string[] = [];
    let callHasBeenHeld = false;
    const done = new Promise<void>((resolve, reject) => {
      const failed = (error: unknown): void =>
        reject(error instanceof Error ? error : new Error(JSON.stringify(error)));
      workspaceApi.on('CallStateChanged', ({ call }: WorkspaceApi.CallStateChangedEvent) => {
        steps.push(call.state);
        switch (call.state) {
          case 'Ringing':
            workspaceApi.voice.answerCall(call.id).catch(failed);
            break;
          case 'Established':
            if (!callHasBeenHeld) {
              callHasBeenHeld = true;
              workspaceApi.voice.holdCall(call.id).catch(failed);
            } else {
              workspaceApi.voice.releaseCall(call.id).catch(failed);
            }
            break;
          case 'Held':
            workspaceApi.voice.retrieveCall(call.id).catch(failed);
            break;
          case 'Released':
            workspaceApi.voice.notReady('AfterCallWork').catch(failed);
            break;
        }
      });
      workspaceApi.on('DnStateChanged', ({ dn }: { dn: WorkspaceApi.Dn }) => {
        if (dn.agentWorkMode === 'AfterCallWork') {
          steps.push('AfterCallWork');
          workspaceApi.destroy().then(resolve, failed);
        }
      });
    });

    await workspaceApi.initialize({ token: await platform.token('agent8') });
    // The tutorial's activation: the employee id as the agent, the agent login as the DN.
    await workspaceApi.activateChannels(workspaceApi.user.employeeId, workspaceApi.user.agentLogin);
    await platform.injectCall({ ani: '+15550008', destination: '5008' });

    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`tutorial did not finish; steps: ${steps.join(', ')}`)), 10_000);
    });
    await Promise.race([done, timeout]).finally(() => clearTimeout(timer));
    expect(steps).toEqual(['Ringing', 'Established', 'Held', 'Established', 'Released', 'AfterCallWork']);
    expect(workspaceApi.initialized).toBe(false);
    await platform.sessionEnded(sessionCookieOf(workspaceApi));
  });
});
