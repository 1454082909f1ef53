import { SimulatorFixture } from '../testing/simulator-fixture';

describe('T-Server simulator: HTTP control API', () => {
  const fixture = new SimulatorFixture();
  afterEach(() => fixture.teardown());

  async function started() {
    const sim = await fixture.start({ controlPort: 0 });
    const base = `http://127.0.0.1:${sim.controlPort}`;
    const call = async (method: string, path: string, body?: unknown) => {
      const response = await fetch(`${base}${path}`, {
        method,
        headers: { 'content-type': 'application/json' },
        ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
      });
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    };
    return { sim, call };
  }

  it('injects a call, answers, sends DTMF and hangs up as the external party', async () => {
    const { sim, call } = await started();
    const agent = await fixture.clientFor(sim, '5001');
    const created = await call('POST', '/calls', {
      ani: '+15550001',
      destination: '5001',
      userData: { Case: '42', Score: 3 },
    });
    expect(created.status).toBe(201);
    const connId = created.body.connId as string;
    expect(created.body.callUuid).toMatch(/^[0-9A-Z]{32}$/);
    const [ringing] = await agent.expectEvents('5001', ['EventRinging']);
    expect(ringing?.attributes.UserData?.toObject()).toEqual({ Case: '42', Score: 3 });
    await agent.request('RequestAnswerCall', { ThisDN: '5001', ConnID: connId });
    expect(await call('POST', `/calls/${connId}/dtmf`, { digits: '123' })).toEqual({
      status: 200,
      body: { connId, digits: '123' },
    });
    expect((await call('POST', `/calls/${connId}/hangup`)).status).toBe(200);
    await agent.expectEvents('5001', ['EventEstablished', 'EventDigitsCollected', 'EventReleased']);
    expect(await call('POST', `/calls/${connId}/hangup`)).toEqual({
      status: 404,
      body: { error: `no call with ConnID ${connId}` },
    });
  });

  it('answers an outbound call to a no-answer number', async () => {
    const { sim, call } = await started();
    const agent = await fixture.clientFor(sim, '5001');
    const dialing = await agent.request('RequestMakeCall', { ThisDN: '5001', OtherDN: '5550487' });
    await agent.expectEvents('5001', ['EventDialing', 'EventNetworkReached']);
    expect((await call('POST', `/calls/${dialing.attributes.ConnID}/answer`)).status).toBe(200);
    await agent.expectEvents('5001', ['EventEstablished']);
    expect((await call('POST', `/calls/${dialing.attributes.ConnID}/answer`)).status).toBe(400);
  });

  it('rejects bad input with 400 and a reason', async () => {
    const { call } = await started();
    expect(await call('POST', '/calls', { destination: '5001' })).toEqual({
      status: 400,
      body: { error: expect.stringContaining('ani') as unknown },
    });
    expect((await call('POST', '/calls', { ani: '1', destination: '5001', extra: 1 })).body.error).toMatch(
      /extra should not exist/,
    );
    expect((await call('POST', '/calls', { ani: '1', destination: '5001', userData: { a: { b: 1 } } })).body).toEqual({
      error: 'userData must be an object of at most 200 keys whose values are strings or numbers',
    });
    expect((await call('POST', '/calls', '{not json')).status).toBe(400);
    expect(await call('POST', '/calls', { ani: '1', destination: '9999' })).toEqual({
      status: 404,
      body: { error: 'DN 9999 is not configured' },
    });
    expect((await call('POST', '/calls/0000000000000001/dtmf', { digits: 'zz' })).status).toBe(400);
    expect((await call('POST', '/clients/c1/faults', { fault: 'explode' })).body.error).toMatch(/fault must be one of/);
  });

  it('lists clients, injects faults, moves the link and switches over, and shows a snapshot', async () => {
    const { sim, call } = await started();
    const client = await fixture.clientFor(sim, '5001');
    const listed = await call('GET', '/clients');
    expect(listed.body).toEqual([
      expect.objectContaining({
        id: expect.any(String) as unknown,
        applicationName: 'test',
        endpoint: 'primary',
        registeredDns: ['5001'],
      }),
    ]);
    expect((await call('POST', '/link/down')).body).toEqual({ linkUp: false });
    await client.waitFor((m) => m.name === 'EventLinkDisconnected');
    expect((await call('POST', '/link/up')).body).toEqual({ linkUp: true });
    const snapshot = await call('GET', '/snapshot');
    expect(snapshot.body).toMatchObject({ linkUp: true, calls: [], agents: [] });
    expect((await call('POST', '/clients/c999/faults', { fault: 'drop' })).status).toBe(404);
    const id = (listed.body as unknown as { id: string }[])[0]!.id;
    expect((await call('POST', `/clients/${id}/faults`, { fault: 'drop' })).status).toBe(200);
    await client.waitForClose();
    expect((await call('POST', '/switchover')).body).toEqual({ primary: sim.backupPort, backup: sim.primaryPort });
  });

  it('lists no SIP legs when the simulator has no SIP side', async () => {
    const { call } = await started();
    expect(await call('GET', '/sip/legs')).toEqual({ status: 200, body: { legs: [] } });
  });
});
