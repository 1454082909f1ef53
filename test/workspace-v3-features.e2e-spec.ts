import SwaggerParser from '@apidevtools/swagger-parser';
import { silentLogger } from '@gws/framed-link';
import type { TMessage } from '@gws/tlib';
import { TServerClient } from '@gws/tserver-client';
import { SessionApi, VoiceApi } from 'genesys-workspace-client-js/src/internal/code-gen/workspace-api';
import type { OpenAPIV3 } from 'openapi-types';
import { EventLog } from './support/workspace-v3/event-log';
import { V3Agent } from './support/workspace-v3/v3-agent';
import { V3Platform } from './support/workspace-v3/v3-platform';

const CUSTOMER = '+15550100';

describe('Workspace API v3 with Genesys’ library: the rest of what it wraps', () => {
  let platform: V3Platform;
  beforeAll(async () => {
    platform = await V3Platform.start();
  });
  afterAll(() => platform.close());

  /** The agent with an answered call from the customer. */
  async function customerCall(agent: V3Agent, dn: string): Promise<string> {
    const { callUuid } = await platform.injectCall({ ani: CUSTOMER, destination: dn });
    await agent.nextCall('Ringing', callUuid);
    await agent.api.voice.answerCall(callUuid);
    await agent.nextCall('Established', callUuid);
    return callUuid;
  }

  it('activates on a DN or a place, reads the session, the configuration and the calls', async () => {
    const onDn = await V3Agent.initialize(platform, 'agent1', 'some-api-key');
    expect((await onDn.activateAndReady('1001', '5001')).number).toBe('5001');
    const callUuid = await customerCall(onDn, '5001');
    // What the 9.0.1 wrappers do not expose, through the package's generated client on the wrapper's own session.
    const listed = await new VoiceApi(onDn.api.agent).getCalls();
    expect(listed).toMatchObject({ status: { code: 0 }, data: { calls: [{ id: callUuid, state: 'Established' }] } });
    const current = await new SessionApi(onDn.api.agent).getCurrentSession();
    expect(current).toMatchObject({
      status: { code: 0 },
      data: {
        user: {
          userName: 'agent1',
          activeSession: { dn: { number: '5001', agentState: 'Ready' }, calls: [{ id: callUuid }] },
        },
      },
    });
    const configuration = await new SessionApi(onDn.api.agent).getConfiguration();
    expect(configuration.data.actionCodes).toEqual(
      expect.arrayContaining([expect.objectContaining({ name: 'Break', code: '100' })]),
    );
    await onDn.api.voice.releaseCall(callUuid);
    await onDn.nextCall('Released', callUuid);
    await onDn.destroy();

    const atPlace = await V3Agent.initialize(platform, 'agent2');
    expect((await atPlace.activateAndReady(undefined, undefined, 'Place_5002')).number).toBe('5002');
    await atPlace.destroy();
  });

  it('turns do-not-disturb and forwarding on and off', async () => {
    const agent = await V3Agent.initialize(platform, 'agent3');
    await agent.activateAndReady();
    await agent.api.voice.dndOn();
    const dnd = await agent.nextDn((dn) => dn.dnd, 'DND on');
    expect(dnd.capabilities).toContain('dnd-off');
    await agent.api.voice.dndOff();
    await agent.nextDn((dn) => !dn.dnd, 'DND off');
    await agent.api.voice.setForward('5004');
    const forwarded = await agent.nextDn((dn) => dn.forwardTo === '5004', 'forwarding to 5004');
    expect(forwarded.capabilities).toContain('cancel-forward');
    await agent.api.voice.cancelForward();
    await agent.nextDn((dn) => dn.forwardTo === undefined, 'forwarding off');
    await agent.destroy();
  });

  it('makes an internal call with user data, sends DTMF, transfers it in a single step and redirects it', async () => {
    const a = await V3Agent.initialize(platform, 'agent5');
    const b = await V3Agent.initialize(platform, 'agent6');
    const c = await V3Agent.initialize(platform, 'agent7');
    await Promise.all([a.activateAndReady(), b.activateAndReady(), c.activateAndReady()]);

    await a.api.voice.makeCall('5006', { userData: [{ key: 'Topic', type: 'str', value: 'Billing' }] });
    const dialing = await a.nextCall('Dialing');
    expect(dialing).toMatchObject({
      callType: 'Internal',
      userData: [{ key: 'Topic', type: 'str', value: 'Billing' }],
    });
    const atB = await b.nextCall('Ringing');
    await b.api.voice.answerCall(atB.id);
    await a.nextCall('Established', dialing.id);
    await a.api.voice.sendDTMF(dialing.id, '12#');
    await a.nextNotification('DtmfSent', dialing.id);

    await b.api.voice.singleStepTransfer(atB.id, '5007');
    await b.nextCall('Released', atB.id);
    const atC = await c.nextCall('Ringing');
    await c.api.voice.redirectCall(atC.id, '5005');
    await c.nextCall('Released', atC.id);
    await a.api.voice.releaseCall(dialing.id);
    await a.nextCall('Released', dialing.id);
    await Promise.all([a.destroy(), b.destroy(), c.destroy()]);
  });

  it('conferences three parties, drops one, and merges a consultation into the call', async () => {
    const a = await V3Agent.initialize(platform, 'agent8');
    const b = await V3Agent.initialize(platform, 'agent9');
    const c = await V3Agent.initialize(platform, 'agent10');
    await Promise.all([a.activateAndReady(), b.activateAndReady(), c.activateAndReady()]);
    const callUuid = await customerCall(a, '5008');

    await a.api.voice.initiateConference(callUuid, '5009');
    await a.nextCall('Held', callUuid);
    const consult = await a.nextCall('Dialing');
    const atB = await b.nextCall('Ringing');
    await b.api.voice.answerCall(atB.id);
    await a.nextCall('Established', consult.id);
    await a.api.voice.completeConference(consult.id, callUuid);
    await a.nextCall('Released', consult.id);
    const conference = await a.calls.next(
      ({ call }) => call.id === callUuid && call.state === 'Established' && call.participants.length === 2,
      'the conference',
    );
    expect(conference.call.capabilities).toContain('delete-from-conference');

    await a.api.voice.initiateConference(callUuid, '5010');
    const second = await a.nextCall('Dialing');
    const atC = await c.nextCall('Ringing');
    await c.api.voice.answerCall(atC.id);
    await a.nextCall('Established', second.id);
    await a.api.voice.mergeCalls(second.id, callUuid);
    await a.calls.next(
      ({ call }) => call.id === callUuid && call.participants.length === 3,
      'three parties in the conference',
    );

    await a.api.voice.deleteFromConference(callUuid, '5009');
    await a.calls.next(
      ({ call }) => call.id === callUuid && !call.participants.some((party) => party.number === '5009'),
      '5009 dropped',
    );
    await b.nextCall('Released', atB.id);
    await a.api.voice.releaseCall(callUuid);
    await a.nextCall('Released', callUuid);
    await Promise.all([a.destroy(), b.destroy(), c.destroy()]);
  });

  it('sends user events to the DN’s other T-Server clients and relays theirs as EventUserEvent', async () => {
    const agent = await V3Agent.initialize(platform, 'agent11');
    await agent.activateAndReady();
    const other = new TServerClient({
      endpoints: { primary: { host: '127.0.0.1', port: platform.simulators.tserver.primaryPort } },
      applicationName: 'v3-user-events',
      logger: silentLogger,
    });
    const events = new EventLog<TMessage>();
    other.on('event', (event) => events.push(event));
    await other.connect();
    try {
      await other.registerAddress('5011');
      const callUuid = await customerCall(agent, '5011');
      await agent.api.voice.sendUserEvent([{ key: 'Survey', type: 'str', value: 'yes' }], callUuid);
      const sent = await events.next((event) => event.name === 'EventUserEvent', 'EventUserEvent at the other client');
      expect(sent.attributes.UserData?.toObject()).toEqual({ Survey: 'yes' });
      expect(sent.attributes.ConnID).toBe(agent.api.voice.calls.get(callUuid)?.connId);

      await other.userData.distributeUserEvent('5011', { Script: 'upsell', Step: 2 });
      const relayed = await agent.userEvents.next(() => true, 'EventUserEvent at the library');
      expect(relayed['data']).toEqual({
        messageType: 'EventUserEvent',
        dn: '5011',
        userData: [
          { key: 'Script', type: 'str', value: 'upsell' },
          { key: 'Step', type: 'int', value: 2 },
        ],
      });
      await agent.api.voice.releaseCall(callUuid);
      await agent.nextCall('Released', callUuid);
    } finally {
      other.close();
    }
    await agent.destroy();
  });

  it('searches the directory’s agents, ACD queues and route points', async () => {
    const agent = await V3Agent.initialize(platform, 'agent12');
    expect(await agent.api.targets.search('agent12')).toEqual([
      expect.objectContaining({ type: 'agent', userName: 'agent12', employeeId: 'agent12', number: '5012' }),
    ]);
    expect(await agent.api.targets.search('sales')).toEqual([
      expect.objectContaining({ type: 'acd-queue', name: 'Sales_Queue', number: '8001' }),
    ]);
    expect(await agent.api.targets.search('7001')).toEqual([
      expect.objectContaining({ type: 'route-point', number: '7001' }),
    ]);
    expect((await agent.api.targets.search('agent', 3)).length).toBe(3);
    await agent.destroy();
  });

  it('documents v3 in the OpenAPI document under its own tag', async () => {
    const response = await fetch(`${platform.baseUrl}/api/v2/docs-json`);
    const document = (await response.json()) as OpenAPIV3.Document;
    await expect(SwaggerParser.validate(structuredClone(document) as never)).resolves.toBeDefined();
    expect(document.tags).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'Workspace API v3' })]));
    for (const path of [
      '/auth/v3/oauth/token',
      '/workspace/v3/initialize-workspace',
      '/workspace/v3/activate-channels',
      '/workspace/v3/current-session',
      '/workspace/v3/configuration',
      '/workspace/v3/logout',
      '/workspace/v3/voice/{operation}',
      '/workspace/v3/voice/calls',
      '/workspace/v3/voice/calls/{id}/{operation}',
      '/workspace/v3/targets',
    ]) {
      const item = document.paths[path];
      expect({ path, tags: (item?.post ?? item?.get)?.tags }).toEqual({ path, tags: ['Workspace API v3'] });
    }
  });
});
