import { Redis } from 'ioredis';
import type { Message } from 'cometd';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { waitFor, waitForAsync } from '@gws/testing';
import { buildSoftphone } from '../apps/softphone/build';
import { LapsedCredentialSweeper } from '../apps/gws/src/voice/webrtc/lapsed-credential-sweeper';
import { FAKE_MEDIA, launchChromium } from './support/chromium';
import { CometdTestClient } from './support/cometd-test-client';
import type { TestGateway } from './support/gateway/gateway';
import { GATEWAY_BROWSER_ARGS, startGatewayPlatform, type GatewayPlatform } from './support/gateway/gateway-platform';
import { startSipWsClient, type SipWsClient } from './support/gateway/sip-ws-client';
import { GwsRestAgent } from './support/gws-rest-agent';
import type { GwsTestPlatform } from './support/gws-test-platform';

/**
 * The whole of issue 13 on one machine: the agent's softphone page in real Chromium (fake microphone) registers DN
 * 5001 through nginx (WSS) and Kamailio on the shared Redis DN map, the T-Server simulator rings it through Kamailio
 * and rtpengine as SIP Server would, and every call operation stays in GWS. Run by `npm run test:gateway`, in a
 * private network namespace with only loopback (test/support/in-private-netns.sh).
 */

const PREFIX = 'gws:';
const DN = '5001';
/** The product's target: a device Inactive within 8 s of its browser closing (docs/sip-gateway.md). */
const CLOSE_TARGET_MS = 8_000;
/** Audio "flows": the simulator's 440 Hz tone as Chromium plays it, and Chromium's fake microphone as received. */
const PAGE_LEVEL = 0.05;
const SIMULATOR_RMS = 0.01;

jest.setTimeout(60_000);

interface HookView {
  registration: string;
  callState: string;
  events: { type: string; at: number; detail?: Record<string, unknown> }[];
  inboundLevel: number;
  stats: { inboundPackets: number; outboundPackets: number; localCandidateType: string | null; dtlsState: string };
}

interface SipLeg {
  connId: string;
  dn: string;
  state: string;
  rtp: { packetsIn: number; packetsOut: number; rms: number };
  dtmfSent: string;
}

interface CallMessageData {
  messageType: string;
  notificationType: string;
  call: { id: string; state: string };
}

const BROWSER_ARGS = [...FAKE_MEDIA, ...GATEWAY_BROWSER_ARGS];

describe('SIP gateway end to end: softphone page, Kamailio, rtpengine, coturn, nginx, Redis, GWS, simulator', () => {
  let setup: GatewayPlatform;
  let gateway: TestGateway;
  let platform: GwsTestPlatform;
  let controlUrl: string;
  let browser: Browser;
  let redisClient: Redis;
  /** The desktop: the same agent in another HTTP session, REST and CometD (what the agent clicks on). */
  let desktop: GwsRestAgent;
  let push: CometdTestClient;
  const figures: Record<string, (number | string)[]> = {};
  /** Each figure as it comes, in the order of the scenarios (a call: direct, TURN relay, spoiled TURN). */
  const record = (name: string, value: number | string): void => {
    (figures[name] ??= []).push(value);
  };
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    await buildSoftphone();
    setup = await startGatewayPlatform(PREFIX);
    ({ gateway, platform, controlUrl } = setup);
    redisClient = new Redis(setup.redis.url);
    browser = await launchChromium(BROWSER_ARGS);
    desktop = new GwsRestAgent(platform.baseUrl, 'agent1');
    await desktop.login();
    push = new CometdTestClient({
      port: platform.port,
      cookies: { JSESSIONID: desktop.sessionId! },
      timeoutMs: 10_000,
    });
    await push.handshake();
    await push.connected();
  }, 90_000);

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await push?.disconnect().catch(() => undefined);
    redisClient?.disconnect();
    await setup?.close();
    console.log(`gateway end-to-end figures: ${JSON.stringify(figures)}`);
  });

  afterEach(() => {
    const state = expect.getState();
    const failed = state.assertionCalls !== state.numPassingAsserts || state.suppressedErrors.length > 0;
    if (failed || process.env['GATEWAY_TEST_CONSOLE'] === '1') console.log(gateway.logs(80));
  });

  async function openPage(query = ''): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    contexts.push(context);
    const page = await context.newPage();
    if (process.env['GATEWAY_TEST_CONSOLE'] === '1') {
      await context.addInitScript(`
        const original = RTCPeerConnection.prototype.setRemoteDescription;
        RTCPeerConnection.prototype.setRemoteDescription = function (d) {
          return original.call(this, d).catch((e) => { console.log('SRD failed: ' + e + '\\n' + d.sdp); throw e; });
        };`);
      page.on('console', (m) => console.log(`page: ${m.text()}`));
    }
    await page.goto(`${platform.baseUrl}/ui/softphone/${query}`);
    await page.getByLabel('User name').fill('agent1');
    await page.getByLabel('Password').fill('password');
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByText('Logged in as Agent One').waitFor();
    return page;
  }

  function hook(page: Page): Promise<HookView> {
    return page.evaluate(async () => {
      // Runs in the page (apps/softphone/src/phone/softphone-hook.ts); this program has no DOM types.
      const phone = (globalThis as unknown as { softphone: Record<string, unknown> }).softphone as unknown as {
        registration: string;
        callState: string;
        events: HookView['events'];
        inboundLevel(): number;
        stats(): Promise<HookView['stats']>;
      };
      return {
        registration: phone.registration,
        callState: phone.callState,
        events: phone.events,
        inboundLevel: phone.inboundLevel(),
        stats: await phone.stats(),
      };
    });
  }

  async function until(
    page: Page,
    what: string,
    ok: (view: HookView) => boolean,
    timeoutMs = 10_000,
  ): Promise<HookView> {
    let last: HookView | undefined;
    await waitForAsync(
      async () => ok((last = await hook(page))),
      timeoutMs,
      () => `${what}; the page: ${JSON.stringify({ ...last, events: last?.events.slice(-12) })}`,
    );
    return last!;
  }

  function eventAt(view: HookView, type: string): number {
    const event = [...view.events].reverse().find((candidate) => candidate.type === type);
    if (event === undefined) throw new Error(`no ${type} event on the page`);
    return event.at;
  }

  async function legs(): Promise<SipLeg[]> {
    const answer = await fetch(`${controlUrl}/sip/legs`);
    return ((await answer.json()) as { legs: SipLeg[] }).legs;
  }

  async function injectCall(): Promise<number> {
    const injectedAt = Date.now();
    const answer = await fetch(`${controlUrl}/calls`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ ani: '+15551234567', destination: DN }),
    });
    expect(answer.status).toBeLessThan(300);
    return injectedAt;
  }

  function deviceState(message: Message): string | undefined {
    return (message.data as { devices?: { deviceState: string }[] }).devices?.[0]?.deviceState;
  }

  /** Marks where the device messages stand now; `turns` then waits for one after the mark in `state`. */
  function deviceMark(): { turns(state: string, timeoutMs?: number): Promise<Message> } {
    const from = push.messages('/v2/me/devices').length;
    return {
      async turns(state, timeoutMs = 10_000) {
        const found = (): Message | undefined =>
          push
            .messages('/v2/me/devices')
            .slice(from)
            .find((message) => deviceState(message) === state);
        await waitFor(() => found() !== undefined, timeoutMs, `the device turning ${state}`);
        return found()!;
      },
    };
  }

  async function nextCall(state: string): Promise<CallMessageData> {
    const seen = (): string =>
      push
        .allMessages()
        .map(
          (m) => `${m.channel}:${(m.data as CallMessageData).messageType}:${(m.data as CallMessageData).call?.state}`,
        )
        .join(', ');
    const message = await push
      .nextMessage(
        '/v2/me/calls',
        (m) => {
          const data = m.data as CallMessageData;
          return data.messageType === 'CallStateChangeMessage' && data.call.state === state;
        },
        10_000,
      )
      .catch((error: Error) => {
        throw new Error(`${error.message}; seen: ${seen()}`);
      });
    return message.data as CallMessageData;
  }

  async function callOperation(callId: string, body: Record<string, unknown>): Promise<void> {
    const answer = await desktop.post(`/api/v2/me/calls/${callId}`, body);
    expect(answer).toMatchObject({ status: 200, body: { statusCode: 0 } });
  }

  /** Rings the page's DN and answers from the desktop; resolves once the page says Connected. */
  async function ringAndAnswer(page: Page): Promise<{ callId: string; view: HookView }> {
    const injectedAt = await injectCall();
    const ringing = await nextCall('Ringing');
    const rang = await until(page, 'the page rings', (view) => view.callState === 'Ringing');
    record('injectToPageRingingMs', eventAt(rang, 'incoming') - injectedAt);
    const answeredAt = Date.now();
    await callOperation(ringing.call.id, { operationName: 'Answer' });
    await nextCall('Established').catch(async (error: Error) => {
      throw new Error(`${error.message}; the page: ${JSON.stringify((await hook(page)).events.slice(-15))}`);
    });
    const view = await until(page, 'the page is connected', (current) => current.callState === 'Connected');
    record('answerToPageConfirmedMs', eventAt(view, 'call-state') - answeredAt);
    return { callId: ringing.call.id, view };
  }

  let page: Page;
  /** The page left open by the TURN scenarios, registered until the session ends. */
  let lastPage: Page;

  it('registers the DN the session holds: registered in the Redis DN map, Active on CometD', async () => {
    const device = deviceMark();
    page = await openPage();
    await page.getByRole('button', { name: 'Start session' }).click();
    await page.getByText(`Session active on DN ${DN}`).waitFor();
    const registered = await until(page, 'the page registers', (view) => view.registration === 'Registered');
    const active = await device.turns('Active');
    record('registerToActiveMs', Date.now() - eventAt(registered, 'registered'));
    expect(active.data).toMatchObject({ devices: [{ phoneNumber: DN, deviceState: 'Active' }] });
    expect(await redisClient.hget(`${PREFIX}{dnmap}:dn:${DN}`, 'registration')).toBe('registered');
    expect(await redisClient.hget(`${PREFIX}{dnmap}:dn:${DN}`, 'userId')).toBeDefined();
    expect(await desktop.ready()).toMatchObject({ status: 200 });
  });

  it('rings the page and the desktop; Answer over REST connects it and audio flows both ways', async () => {
    const { callId } = await ringAndAnswer(page);
    const heard = await until(page, 'the simulator tone reaches the page', (view) => view.inboundLevel > PAGE_LEVEL);
    expect(heard.stats).toMatchObject({ dtlsState: 'connected' });
    expect(heard.stats.inboundPackets).toBeGreaterThan(0);
    await waitForAsync(
      async () => (await legs()).some((leg) => leg.dn === DN && leg.rtp.rms > SIMULATOR_RMS),
      10_000,
      async () => `the page's microphone never reached the simulator: ${JSON.stringify(await legs())}`,
    );
    record('pageInboundLevel', heard.inboundLevel.toFixed(3));
    record('simulatorRms', (await legs()).find((leg) => leg.dn === DN)!.rtp.rms.toFixed(3));

    await callOperation(callId, { operationName: 'Hold' });
    await nextCall('Held');
    await until(page, 'hold reaches the page', (view) => view.callState === 'On hold');
    await callOperation(callId, { operationName: 'Retrieve' });
    await nextCall('Established');
    await until(page, 'retrieve reaches the page', (view) => view.callState === 'Connected');
    await callOperation(callId, { operationName: 'SendDtmf', digits: '5' });
    await page.getByText('Received tone 5').waitFor();
    await callOperation(callId, { operationName: 'Hangup' });
    await nextCall('Released');
    await until(page, 'the hang-up reaches the page', (view) => view.callState === 'Call ended');
  });

  it('reconnects and registers again after the gateway restarts, and rings again', async () => {
    const registrations = (view: HookView): number => view.events.filter((event) => event.type === 'registered').length;
    const before = registrations(await hook(page));
    await gateway.restartKamailio();
    await until(page, 'the page registering again', (view) => registrations(view) > before, 30_000);
    const { callId } = await ringAndAnswer(page);
    await callOperation(callId, { operationName: 'Hangup' });
    await until(page, 'the call ends', (view) => view.callState === 'Call ended');
  });

  it('turns the device Inactive when the page closes', async () => {
    const device = deviceMark();
    const closedAt = Date.now();
    await page.close();
    await device.turns('Inactive', CLOSE_TARGET_MS);
    record('closeToInactiveMs', Date.now() - closedAt);
    expect(await redisClient.hget(`${PREFIX}{dnmap}:dn:${DN}`, 'registration')).toBe('unregistered');
  });

  it('carries the media through the TURN relay with the credential GWS minted', async () => {
    const device = deviceMark();
    const relayed = await openPage('?iceTransportPolicy=relay');
    await until(relayed, 'the relay-only page registers', (view) => view.registration === 'Registered');
    await device.turns('Active');
    const { callId } = await ringAndAnswer(relayed);
    const heard = await until(relayed, 'the tone arrives over the relay', (view) => view.inboundLevel > PAGE_LEVEL);
    expect(heard.stats.localCandidateType).toBe('relay');
    await callOperation(callId, { operationName: 'Hangup' });
    await until(relayed, 'the call ends', (view) => view.callState === 'Call ended');
    const closing = deviceMark();
    await relayed.close();
    await closing.turns('Inactive', CLOSE_TARGET_MS);
  });

  it('carries no media through the relay with a wrong TURN credential, though SIP says connected', async () => {
    const context = await browser.newContext();
    contexts.push(context);
    // The settings GWS serves, with the TURN password spoiled on the way to the page.
    await context.route('**/api/v2/me/webrtc', async (route) => {
      const response = await route.fetch();
      const body = (await response.json()) as { webrtc: { iceServers: { credential: string }[] } };
      for (const server of body.webrtc.iceServers) server.credential = 'd3JvbmcgY3JlZGVudGlhbA==';
      await route.fulfill({ response, json: body });
    });
    const device = deviceMark();
    const spoiled = (lastPage = await context.newPage());
    await spoiled.goto(`${platform.baseUrl}/ui/softphone/?iceTransportPolicy=relay`);
    await spoiled.getByLabel('User name').fill('agent1');
    await spoiled.getByLabel('Password').fill('password');
    await spoiled.getByRole('button', { name: 'Log in' }).click();
    await until(spoiled, 'the page registers', (view) => view.registration === 'Registered');
    await device.turns('Active');
    const { callId } = await ringAndAnswer(spoiled);
    // Two seconds of the simulator's tone sent (100 packets of 20 ms) and none of it arrived.
    await waitForAsync(
      async () =>
        (await legs()).some((leg) => leg.dn === DN && leg.state === 'established' && leg.rtp.packetsOut >= 100),
      10_000,
      'the simulator sending its tone',
    );
    const view = await hook(spoiled);
    expect(view.stats).toMatchObject({ inboundPackets: 0, localCandidateType: null });
    expect(view.inboundLevel).toBe(0);
    await callOperation(callId, { operationName: 'Hangup' });
    await until(spoiled, 'the call ends', (current) => current.callState === 'Call ended');
  });

  it('drops a registration whose credential lapsed (its HTTP session expired) within one sweep', async () => {
    expect(await redisClient.hget(`${PREFIX}{dnmap}:dn:${DN}`, 'registration')).toBe('registered');
    // What Redis does when the credential's TTL runs out: the key goes.
    await redisClient.del(`${PREFIX}{dnmap}:sipcred:${DN}`);
    const device = deviceMark();
    expect(await platform.app.get(LapsedCredentialSweeper).sweep()).toBe(1);
    await device.turns('Inactive');
    expect(await redisClient.hget(`${PREFIX}{dnmap}:dn:${DN}`, 'registration')).toBe('unregistered');
    // Such a page is gone in real life; this one is reloaded, and registers on a fresh credential.
    const back = deviceMark();
    await lastPage.reload();
    await until(lastPage, 'the reloaded page registers', (view) => view.registration === 'Registered');
    await back.turns('Active');
  });

  it("refuses a DN nobody holds (403) and, after logout, the session's credential, and the page stops ringing", async () => {
    const clients: SipWsClient[] = [];
    const register = async (dn: string, password: string): Promise<unknown> => {
      const client = startSipWsClient({ url: gateway.wsUrl, dn, password, sipDomain: gateway.sipDomain });
      clients.push(client);
      return client.registration;
    };
    try {
      expect(await register('5002', 'any-password')).toMatchObject({ registered: false, status: 403 });
      const password = await redisClient.hget(`${PREFIX}{dnmap}:sipcred:${DN}`, 'password');
      expect(password).toBeTruthy();
      await desktop.post('/api/v2/me', { operationName: 'EndContactCenterSession' });
      // The gateway dropped the open page's registration at once: the DN map says so, nothing rings it any more.
      await waitForAsync(
        async () => (await redisClient.hget(`${PREFIX}{dnmap}:dn:${DN}`, 'registration')) === 'unregistered',
        5_000,
        'the registration dropped at logout',
      );
      expect(await redisClient.exists(`${PREFIX}{dnmap}:sipcred:${DN}`)).toBe(0);
      expect(await register(DN, password!)).toMatchObject({ registered: false, status: 403 });
    } finally {
      await Promise.all(clients.map((client) => client.stop()));
    }
  });
});
