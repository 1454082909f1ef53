import { useCallPlatform } from './support/gws-call-agent';
import { GwsRestAgent } from './support/gws-rest-agent';

/** A second browser of the same user joins the user's contact-center session; it may not change what it is. */
describe('GWS StartContactCenterSession from a second browser', () => {
  const fixture = useCallPlatform();

  async function secondBrowser(userName: string): Promise<GwsRestAgent> {
    const browser = new GwsRestAgent(fixture.platform.baseUrl, userName);
    await browser.login();
    return browser;
  }

  const start = (browser: GwsRestAgent, extra: Record<string, unknown> = {}) =>
    browser.post('/api/v2/me', { operationName: 'StartContactCenterSession', channels: ['voice'], ...extra });

  it("refuses another agent's login code with statusCode 5, as a first start does, and changes nothing", async () => {
    const agent = await fixture.seat('agent7');
    const switchBefore = fixture.platform.simulators.tserver.snapshot().agents;
    const second = await secondBrowser('agent7');

    const foreign = await start(second, { loginCode: '1008' });
    expect(foreign).toMatchObject({
      status: 403,
      body: { statusCode: 5, statusMessage: "Agent login 1008 is not one of this person's logins" },
    });
    const firstStart = await start(await secondBrowser('agent9'), { loginCode: '1008' });
    expect({ status: firstStart.status, statusCode: firstStart.body['statusCode'] }).toEqual({
      status: foreign.status,
      statusCode: foreign.body['statusCode'],
    });

    expect(fixture.platform.simulators.tserver.snapshot().agents).toEqual(switchBefore);
    expect(switchBefore.filter((a) => a.agentId === '1008')).toEqual([]);
    const devices = (await second.get('/api/v2/me/devices?fields=*')).body as unknown as {
      devices: { phoneNumber: string; userState: { state: string } }[];
    };
    expect(devices.devices.map((device) => [device.phoneNumber, device.userState.state])).toEqual([
      [agent.dn, 'Ready'],
    ]);
  });

  it("lets the second browser join with no login code or the session's own one", async () => {
    const agent = await fixture.seat('agent10');
    const second = await secondBrowser('agent10');
    expect((await start(second)).body).toEqual({ statusCode: 0 });
    expect((await start(second, { loginCode: '1010' })).body).toEqual({ statusCode: 0 });
    expect(fixture.platform.simulators.tserver.snapshot().agents.filter((a) => a.dn === agent.dn)).toEqual([
      expect.objectContaining({ agentId: '1010', state: 'Ready' }),
    ]);
  });
});
