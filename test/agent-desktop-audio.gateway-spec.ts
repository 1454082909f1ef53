import { Redis } from 'ioredis';
import type { Browser, BrowserContext } from 'playwright-core';
import { waitForAsync } from '@gws/testing';
import { buildAgentDesktop } from '../apps/agent-desktop/build';
import { AgentDesktopPage } from './support/agent-desktop-page';
import { FAKE_MEDIA, launchChromium } from './support/chromium';
import { GATEWAY_BROWSER_ARGS, startGatewayPlatform, type GatewayPlatform } from './support/gateway/gateway-platform';

/**
 * Issue 14's gateway acceptance: the agent desktop's embedded softphone registers the session's DN through nginx
 * (WSS), Kamailio and the Redis DN map; an inbound call from the simulator control API rings it; "Answer" on the
 * desktop goes through GWS (T-Server, then the SIP Server's NOTIFY talk to the page) and audio flows both ways in
 * the page. The harness is the softphone test's (`startGatewayPlatform`, test/support/gateway); `npm run test:gateway`
 * runs it in a private network namespace.
 */

const PREFIX = 'gws:';
const DN = '5001';
const CUSTOMER = '+15551234567';
/** Audio "flows": the simulator's 440 Hz tone as Chromium plays it, and Chromium's fake microphone as received. */
const PAGE_LEVEL = 0.05;
const SIMULATOR_RMS = 0.01;

jest.setTimeout(60_000);

interface PhoneView {
  registration: string;
  callState: string;
  inboundLevel: number;
  dtlsState: string | null;
}

interface SipLeg {
  dn: string;
  state: string;
  rtp: { packetsIn: number; packetsOut: number; rms: number };
}

describe('Agent desktop with the SIP gateway: an inbound call answered on the desktop, audio in the page', () => {
  let setup: GatewayPlatform;
  let redisClient: Redis;
  let browser: Browser;
  let context: BrowserContext;
  const figures: Record<string, number | string> = {};

  beforeAll(async () => {
    await buildAgentDesktop();
    setup = await startGatewayPlatform(PREFIX);
    redisClient = new Redis(setup.redis.url);
    browser = await launchChromium([...FAKE_MEDIA, ...GATEWAY_BROWSER_ARGS]);
  }, 90_000);

  afterAll(async () => {
    await context?.close().catch(() => undefined);
    await browser?.close();
    redisClient?.disconnect();
    await setup?.close();
    console.log(`agent desktop gateway figures: ${JSON.stringify(figures)}`);
  });

  afterEach(() => {
    const state = expect.getState();
    if (state.assertionCalls !== state.numPassingAsserts || state.suppressedErrors.length > 0) {
      console.log(setup.gateway.logs(80));
    }
  });

  async function phone(agent: AgentDesktopPage): Promise<PhoneView> {
    return agent.page.evaluate(async () => {
      // apps/softphone/src/phone/softphone-hook.ts, installed by the desktop; this program has no DOM types.
      const hook = (globalThis as unknown as { softphone: Record<string, unknown> }).softphone as unknown as {
        registration: string;
        callState: string;
        inboundLevel(): number;
        stats(): Promise<{ dtlsState: string | null }>;
      };
      return {
        registration: hook.registration,
        callState: hook.callState,
        inboundLevel: hook.inboundLevel(),
        dtlsState: (await hook.stats()).dtlsState,
      };
    });
  }

  async function until(agent: AgentDesktopPage, what: string, ok: (view: PhoneView) => boolean): Promise<PhoneView> {
    let last: PhoneView | undefined;
    await waitForAsync(
      async () => ok((last = await phone(agent))),
      10_000,
      () => `${what}; the phone: ${JSON.stringify(last)}`,
    );
    return last!;
  }

  async function legs(): Promise<SipLeg[]> {
    return ((await (await fetch(`${setup.controlUrl}/sip/legs`)).json()) as { legs: SipLeg[] }).legs;
  }

  it('registers, rings with the screen pop, is answered from the desktop, and audio flows both ways', async () => {
    context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    const agent = new AgentDesktopPage(page, setup.platform.baseUrl);
    await agent.open();
    await agent.logIn('agent1');
    await agent.waitForState('Not Ready');
    const loggedInAt = Date.now();
    await page
      .getByRole('status')
      .filter({ hasText: /^Registered$/ })
      .waitFor();
    figures['loginToRegisteredMs'] = Date.now() - loggedInAt;
    await waitForAsync(
      async () => (await redisClient.hget(`${PREFIX}{dnmap}:dn:${DN}`, 'registration')) === 'registered',
      5_000,
      'the registration in the Redis DN map',
    );

    await agent.button('Ready').click();
    await agent.waitForState('Ready');
    const injectedAt = Date.now();
    const injected = await fetch(`${setup.controlUrl}/calls`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ ani: CUSTOMER, destination: '7001', userData: { CustomerName: 'Ada Lovelace' } }),
    });
    expect(injected.status).toBe(201);
    const call = `Call with ${CUSTOMER}`;
    await agent.callState(call, 'Ringing');
    expect(await agent.dataField(call, 'CustomerName').inputValue()).toBe('Ada Lovelace');
    await until(agent, 'the softphone rings', (view) => view.callState === 'Ringing');
    figures['injectToRingingMs'] = Date.now() - injectedAt;

    // Answer on the desktop: GWS -> T-Server -> NOTIFY talk to the embedded softphone, which answers.
    const answeredAt = Date.now();
    await agent.callButton(call, 'Answer').click();
    await agent.callState(call, 'Established');
    await until(agent, 'the softphone connects', (view) => view.callState === 'Connected');
    figures['answerToConnectedMs'] = Date.now() - answeredAt;
    const heard = await until(agent, 'the tone reaches the page', (view) => view.inboundLevel > PAGE_LEVEL);
    expect(heard.dtlsState).toBe('connected');
    await waitForAsync(
      async () => (await legs()).some((leg) => leg.dn === DN && leg.rtp.rms > SIMULATOR_RMS),
      10_000,
      async () => `the page's microphone never reached the simulator: ${JSON.stringify(await legs())}`,
    );
    figures['pageInboundLevel'] = heard.inboundLevel.toFixed(3);
    figures['simulatorRms'] = (await legs()).find((leg) => leg.dn === DN)!.rtp.rms.toFixed(3);

    // Hold and Retrieve from the desktop reach the phone too; Hang up ends it there.
    await agent.callButton(call, 'Hold').click();
    await agent.callState(call, 'Held');
    await until(agent, 'hold reaches the phone', (view) => view.callState === 'On hold');
    await agent.callButton(call, 'Retrieve').click();
    await agent.callState(call, 'Established');
    await until(agent, 'retrieve reaches the phone', (view) => view.callState === 'Connected');
    await agent.callButton(call, 'Hang up').click();
    await until(agent, 'the hang-up reaches the phone', (view) => view.callState === 'Call ended');
    await page.getByText('No calls.').waitFor();

    await agent.button('Log out').click();
    await page.getByText('You are logged out.').waitFor();
    await waitForAsync(
      async () => (await redisClient.hget(`${PREFIX}{dnmap}:dn:${DN}`, 'registration')) === 'unregistered',
      5_000,
      'the registration dropped at logout',
    );
  });
});
