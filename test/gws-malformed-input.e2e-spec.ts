import type { GwsCall } from '../apps/gws/src/notifications';
import { useCallPlatform, type CallAgent } from './support/gws-call-agent';
import type { GwsAnswer } from './support/gws-rest-agent';

/** Rings until hung up (docs/simulator.md), so a consultation or a dialled call stays up while the test acts on it. */
const NEVER_ANSWERS = '+15550487';

/** `{"operationName":<value>}`-style nesting, `depth` arrays deep, written by hand (JSON.stringify would overflow). */
const nestedArrays = (depth: number): string => `${'['.repeat(depth)}${']'.repeat(depth)}`;

/** A refusal: HTTP 400 and exactly `{statusCode, statusMessage}`, the message matching `message`. */
function expectRefusal(answer: GwsAnswer, statusCode: 1 | 10, message: RegExp): void {
  expect({ status: answer.status, body: answer.body }).toEqual({
    status: 400,
    body: { statusCode, statusMessage: expect.stringMatching(message) as unknown },
  });
}

/**
 * Input that once answered HTTP 500 (stack overflows, prototype keys, `null` user data, repeated query parameters)
 * gets a GWS refusal naming what is wrong, and the node keeps serving the same agent afterwards.
 */
describe('GWS REST: malformed input', () => {
  const fixture = useCallPlatform();
  let agent: CallAgent;
  beforeAll(async () => {
    agent = await fixture.seat('agent11');
  });

  /** A customer's call rung at the agent's DN and answered. */
  async function establishedCall(): Promise<GwsCall> {
    fixture.platform.simulators.tserver.injectCall({ ani: '+15557654321', destination: agent.dn });
    const ringing = await agent.nextState('Ringing');
    expect((await agent.act(ringing.call.id, { operationName: 'Answer' })).body).toEqual({ statusCode: 0 });
    return (await agent.nextState('Established', ringing.call.id)).call;
  }

  /** The node still answers this agent: a read, and an operation accepted (Ready again, which T-Server then refuses). */
  async function stillServing(): Promise<void> {
    const devices = await agent.rest.get('/api/v2/me/devices?fields=*');
    expect(devices.status).toBe(200);
    expect(devices.body['statusCode']).toBe(0);
    expect(await agent.rest.post('/api/v2/me/channels/voice', { operationName: 'Ready' })).toMatchObject({
      status: 200,
      body: { statusCode: 0 },
    });
  }

  it('refuses a body nested 10,000 deep with statusCode 10 on every operation resource', async () => {
    const call = await establishedCall();
    const deep = nestedArrays(10_000);
    const bodies: [string, string][] = [
      ['/api/v2/me', `{"operationName":${deep}}`],
      ['/api/v2/me/channels/voice', `{"operationName":"NotReady","reasonCode":${deep}}`],
      [`/api/v2/me/devices/${agent.deviceId}`, `{"operationName":"ForwardCallsOn","destination":${deep}}`],
      [
        `/api/v2/me/devices/${agent.deviceId}/calls`,
        `{"operationName":"Dial","destination":{"phoneNumber":"5002"},"userData":{"k":${deep}}}`,
      ],
      [
        `/api/v2/me/calls/${call.id}`,
        `{"operationName":"AttachUserData","userData":${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}}`,
      ],
      [`/api/v2/me/calls/${call.id}`, deep],
    ];
    for (const [path, raw] of bodies) {
      expectRefusal(await agent.rest.postRaw(path, raw), 10, /^Request body is nested deeper than 32 levels$/);
    }
    // In UTF-16 the parser's byte scan steps aside; the operation table finds the depth after parsing.
    const utf16 = await fetch(`${fixture.platform.baseUrl}/api/v2/me/channels/voice`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json; charset=utf-16le',
        Cookie: `JSESSIONID=${agent.rest.sessionId}`,
        'X-CSRF-TOKEN': agent.rest.csrfToken ?? '',
      },
      body: Buffer.from(`{"operationName":"Ready","x":${deep}}`, 'utf16le'),
    });
    expect({ status: utf16.status, body: await utf16.json() }).toEqual({
      status: 400,
      body: { statusCode: 10, statusMessage: 'Request body is nested deeper than 32 levels' },
    });
    await stillServing();
    expect((await agent.act(call.id, { operationName: 'Hangup' })).body).toEqual({ statusCode: 0 });
    await agent.nextState('Released', call.id);
  });

  it('refuses __proto__, constructor and prototype keys with statusCode 10 naming the key, polluting nothing', async () => {
    const call = await establishedCall();
    const cases: [string, string, RegExp][] = [
      [
        `/api/v2/me/devices/${agent.deviceId}/calls`,
        '{"operationName":"Dial","destination":{"phoneNumber":"5002"},"userData":{"__proto__":{"polluted":"yes"}}}',
        /^Invalid parameter 'userData\.__proto__' for Dial: '__proto__' is not allowed as a key$/,
      ],
      [
        `/api/v2/me/calls/${call.id}`,
        '{"operationName":"AttachUserData","userData":{"__proto__":"x"}}',
        /^Invalid parameter 'userData\.__proto__' for AttachUserData/,
      ],
      [
        `/api/v2/me/calls/${call.id}`,
        '{"operationName":"UpdateUserData","userData":{"constructor":{"prototype":{"polluted":"yes"}}}}',
        /^Invalid parameter 'userData\.constructor' for UpdateUserData: 'constructor' is not allowed as a key$/,
      ],
      [
        `/api/v2/me/calls/${call.id}`,
        '{"operationName":"AttachUserData","userData":{"Segment":"Gold","prototype":"x"}}',
        /^Invalid parameter 'userData\.prototype' for AttachUserData/,
      ],
      [
        `/api/v2/me/calls/${call.id}`,
        '{"operationName":"InitiateTransfer","destination":{"phoneNumber":"5002","constructor":"x"}}',
        /^Invalid parameter 'destination\.constructor' for InitiateTransfer/,
      ],
      ['/api/v2/me/channels/voice', '{"operationName":"Ready","__proto__":{"polluted":"yes"}}', /'__proto__'/],
    ];
    for (const [path, raw, message] of cases) expectRefusal(await agent.rest.postRaw(path, raw), 10, message);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();

    const unchanged = await agent.rest.get(`/api/v2/me/calls/${call.id}`);
    expect(unchanged.body).toMatchObject({ statusCode: 0, call: { id: call.id, state: 'Established' } });
    expect((unchanged.body as { call: GwsCall }).call.userData).toBeUndefined();
    await stillServing();
    expect((await agent.act(call.id, { operationName: 'Hangup' })).body).toEqual({ statusCode: 0 });
    await agent.nextState('Released', call.id);
  });

  it('takes "userData": null as absent: Dial and the call-leg operations go ahead, the user-data ones miss it', async () => {
    expect((await agent.dial(NEVER_ANSWERS, { userData: null, location: null })).body).toEqual({ statusCode: 0 });
    const dialing = await agent.nextState('Dialing');
    expect(dialing.call.userData).toBeUndefined();
    for (const operationName of ['AttachUserData', 'UpdateUserData']) {
      expectRefusal(
        await agent.act(dialing.call.id, { operationName, userData: null }),
        1,
        new RegExp(`^Missing required parameter 'userData' for ${operationName}$`),
      );
    }
    expect((await agent.act(dialing.call.id, { operationName: 'Hangup' })).body).toEqual({ statusCode: 0 });
    await agent.nextState('Released', dialing.call.id);

    const call = await establishedCall();
    for (const operationName of ['InitiateTransfer', 'InitiateConference']) {
      const started = await agent.act(call.id, {
        operationName,
        destination: { phoneNumber: NEVER_ANSWERS },
        userData: null,
      });
      expect(started).toMatchObject({ status: 200, body: { statusCode: 0 } });
      await agent.nextState('Held', call.id);
      const consultation = await agent.nextState('Dialing');
      expect(consultation.call.callType).toBe('Consult');
      expect((await agent.act(consultation.call.id, { operationName: 'Hangup' })).body).toEqual({ statusCode: 0 });
      await agent.nextState('Established', call.id);
    }
    const transferred = await agent.act(call.id, {
      operationName: 'SingleStepTransfer',
      destination: { phoneNumber: NEVER_ANSWERS },
      userData: null,
    });
    expect(transferred).toMatchObject({ status: 200, body: { statusCode: 0 } });
    await agent.nextState('Released', call.id);
    await stillServing();
  });

  it('refuses a repeated fields or subresources query parameter with statusCode 10 naming it', async () => {
    const paths: [string, string][] = [
      ['/api/v2/me?fields=id&fields=userName', 'fields'],
      ['/api/v2/me?subresources=devices&subresources=calls', 'subresources'],
      ['/api/v2/me/calls?fields=*&fields=id', 'fields'],
      ['/api/v2/me/calls/0000?fields=id&fields=state', 'fields'],
      ['/api/v2/me/devices?fields=*&fields=*', 'fields'],
      [`/api/v2/me/devices/${agent.deviceId}?fields=id&fields=deviceState`, 'fields'],
      ['/api/v2/me/channels?fields=*&fields=channel', 'fields'],
      ['/api/v2/features?fields=*&fields=id', 'fields'],
    ];
    for (const [path, name] of paths) {
      expectRefusal(
        await agent.rest.get(path),
        10,
        new RegExp(`^Invalid parameter '${name}': give it once, as one comma-separated list$`),
      );
    }
    const embedded = await agent.rest.get('/api/v2/me?subresources=devices,calls');
    expect(embedded.status).toBe(200);
    expect(embedded.body['user']).toMatchObject({
      devices: [expect.objectContaining({ id: agent.deviceId })],
      calls: [],
    });
    const picked = await agent.rest.get('/api/v2/me?fields=id,userName');
    expect(picked.body).toEqual({ statusCode: 0, user: { id: expect.any(String) as unknown, userName: 'agent11' } });
    await stillServing();
  });
});
