import type { Browser, Locator } from 'playwright-core';
import { freeLoopbackPort, waitFor } from '@gws/testing';
import { buildAgentDesktop } from '../apps/agent-desktop/build';
import { TestClient } from '../apps/tserver-sim/src/testing/test-client';
import { DesktopPages, escapeRegExp, type AgentDesktopPage } from './support/agent-desktop-page';
import { FAKE_MEDIA, launchChromium } from './support/chromium';
import { startGwsTestPlatform, type GwsTestPlatform } from './support/gws-test-platform';

const CUSTOMER = '+15551230000';
/** An external number: the simulator answers it after its answer delay (docs/simulator.md, "Dialling plan"). */
const EXTERNAL = '+15559876543';
const CALLS = '/api/v2/me/calls?fields=*';
const DEVICES = '/api/v2/me/devices?fields=*';

interface RestCall {
  state: string;
  participants?: { phoneNumber: string }[];
  userData?: Record<string, unknown>;
}
interface RestDevice {
  phoneNumber: string;
  doNotDisturb: string;
  forwardTo?: string;
}

jest.setTimeout(60_000);

/**
 * The desktop's call controls in real Chromium on the embedded default, driven by roles and labels: click-to-dial
 * by the dial pad and by the number field, tones from the call's keypad (checked on the simulator's T-Lib events),
 * conferences by consultation and single step with their party list and a party removed, single-step transfer,
 * swapping between a call and its consultation, redirecting a ringing call, Do Not Disturb and forwarding (checked
 * over REST), and axe-core on the wrap-up view. Each test has its own agents (agent1-agent10 have no switch
 * wrap-up; agent11 and up get 10 s of it, which these tests do not wait for).
 */
describe('Agent desktop call controls in a real browser (embedded default)', () => {
  let platform: GwsTestPlatform;
  let browser: Browser;
  let controlUrl: string;
  /** Refusals the pages provoke on purpose: no session yet (401), no gateway (404). */
  let pages: DesktopPages;

  beforeAll(async () => {
    await buildAgentDesktop();
    const controlPort = await freeLoopbackPort();
    controlUrl = `http://127.0.0.1:${controlPort}`;
    platform = await startGwsTestPlatform({ tserverControlPort: controlPort });
    browser = await launchChromium(FAKE_MEDIA);
    pages = new DesktopPages(browser, platform.baseUrl, [401, 404]);
  }, 60_000);
  beforeEach(() => {
    pages.problems = [];
  });
  afterEach(async () => {
    await pages.screenshots('agent-desktop-calls-last');
    await pages.close();
  });
  afterAll(async () => {
    await browser?.close();
    await platform?.close();
  });

  async function loggedIn(userName: string): Promise<AgentDesktopPage> {
    const agent = await pages.open();
    await agent.logIn(userName);
    await agent.waitForState('Not Ready');
    await agent.noCalls();
    return agent;
  }

  /** A customer's call straight to an extension (it rings there, no queue). */
  async function injectCall(destination: string, userData: Record<string, string> = {}): Promise<void> {
    const answer = await fetch(`${controlUrl}/calls`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ ani: CUSTOMER, destination, userData }),
    });
    expect(answer.status).toBe(201);
  }

  /** An inbound call from the customer, answered on the desktop. */
  async function customerCall(agent: AgentDesktopPage, dn: string, userData?: Record<string, string>): Promise<string> {
    await injectCall(dn, userData);
    const call = `Call with ${CUSTOMER}`;
    await agent.callState(call, 'Ringing');
    await agent.callButton(call, 'Answer').click();
    await agent.callState(call, 'Established');
    return call;
  }

  /** The destination field of a call's card and one of its buttons that send the call there. */
  async function toward(agent: AgentDesktopPage, call: string | RegExp, destination: string, button: string) {
    await agent.call(call).first().getByLabel('Destination').fill(destination);
    await agent.callButton(call, button).click();
  }

  /** The wrap-up of the call with `party` is shown; "Done" closes it and the agent is Ready again. */
  async function wrapUp(agent: AgentDesktopPage, party: string): Promise<void> {
    const card = agent.page.getByRole('region', { name: `Wrap-up: call with ${party}` });
    await card.getByRole('button', { name: 'Done' }).click();
    await card.waitFor({ state: 'detached' });
    await agent.waitForState('Ready');
  }

  /** Hang up on the desktop: the call leaves the page, and its wrap-up is closed with "Done". */
  async function hangUpAndWrapUp(agent: AgentDesktopPage, call: string | RegExp, party: string): Promise<void> {
    await agent.callButton(call, 'Hang up').click();
    await agent.noCalls();
    await wrapUp(agent, party);
  }

  /**
   * "Transfer" or "Conference" from `one`'s call toward `two` (at `toDn`), who answers the consultation; resolves
   * with the name of `one`'s consultation, Established, its call Held.
   */
  async function consultationAnswered(
    one: AgentDesktopPage,
    two: AgentDesktopPage,
    call: string,
    toDn: string,
    button: 'Transfer' | 'Conference',
  ): Promise<string> {
    await toward(one, call, toDn, button);
    await one.callState(call, 'Held');
    const consultation = `Consultation with ${toDn}`;
    await one.callState(consultation, 'Dialing');
    const incoming = /^Consultation with /;
    await two.callState(incoming, 'Ringing');
    await two.callButton(incoming, 'Answer').click();
    await one.callState(consultation, 'Established');
    return consultation;
  }

  /** The numbers the card's party list shows. */
  async function parties(agent: AgentDesktopPage, call: string | RegExp): Promise<string[]> {
    return agent.call(call).first().getByRole('list', { name: 'Parties' }).getByRole('listitem').allTextContents();
  }

  async function waitForParties(agent: AgentDesktopPage, call: string | RegExp, expected: string[]): Promise<void> {
    const list = agent.call(call).first().getByRole('list', { name: 'Parties' });
    for (const number of expected) await list.getByText(number, { exact: true }).waitFor();
    expect((await parties(agent, call)).map((text) => text.replace(/Remove.*$/, '').trim())).toEqual(expected);
  }

  /** The call is back to the agent and the customer: named for the customer alone, no party list. */
  async function twoParty(agent: AgentDesktopPage): Promise<void> {
    const call = agent.page.getByRole('region', { name: `Call with ${CUSTOMER}`, exact: true });
    await call.waitFor();
    await call.getByRole('list', { name: 'Parties' }).waitFor({ state: 'hidden' });
  }

  /** The page's live region said `text` (it is visually hidden, so attached rather than visible). */
  async function announced(agent: AgentDesktopPage, text: string): Promise<void> {
    await agent.page.getByRole('status').filter({ hasText: text }).waitFor({ state: 'attached' });
  }

  function dialPad(agent: AgentDesktopPage): Locator {
    return agent.page.getByRole('group', { name: 'Dial pad' });
  }

  it('dials the other agent with the dial pad and an external number with the field, and sends tones from the keypad', async () => {
    const tlib = await TestClient.connect(platform.simulators.tserver.primaryPort, { applicationName: 'dtmf-probe' });
    try {
      await tlib.register('5001');
      const one = await loggedIn('agent1');
      const two = await loggedIn('agent2');

      // An internal call, typed on the dial pad.
      for (const key of ['5', '0', '0', '2'])
        await dialPad(one).getByRole('button', { name: key, exact: true }).click();
      expect(await one.page.getByLabel('Phone number').inputValue()).toBe('5002');
      await one.button('Call').click();
      await one.callState('Call with 5002', 'Dialing');
      expect(await one.page.getByLabel('Phone number').inputValue()).toBe('');
      await two.callState('Call with 5001', 'Ringing');
      await two.callButton('Call with 5001', 'Answer').click();
      await two.callState('Call with 5001', 'Established');
      await one.callState('Call with 5002', 'Established');
      await one.callButton('Call with 5002', 'Hang up').click();
      await one.noCalls();
      await two.noCalls();
      await wrapUp(one, '5002');
      await wrapUp(two, '5001');

      // An external number, typed in the field and sent with Enter; the simulator answers it.
      await one.page.getByLabel('Phone number').fill(EXTERNAL);
      await one.page.getByLabel('Phone number').press('Enter');
      const external = `Call with ${EXTERNAL}`;
      await one.callState(external, 'Dialing');
      await one.callState(external, 'Established');
      await one.waitForRest<{ calls: RestCall[] }>(
        CALLS,
        (body) => body.calls.length === 1 && body.calls[0]?.state === 'Established',
        'the outbound call established',
      );

      // Tones: the keypad opens from the call's card; each key is one SendDtmf, which T-Server reports.
      const keypad = one.callButton(external, 'Keypad');
      await keypad.click();
      expect(await keypad.getAttribute('aria-expanded')).toBe('true');
      const keys = one.call(external).getByRole('group', { name: 'Keypad' });
      for (const key of ['1', '2', '#']) await keys.getByRole('button', { name: key, exact: true }).click();
      const sent = (): string[] =>
        tlib.received
          .filter((message) => message.name === 'EventDTMFSent' && message.attributes.ThisDN === '5001')
          .map((message) => String(message.attributes.DTMFDigits));
      await waitFor(() => sent().length >= 3, 10_000, 'three EventDTMFSent on 5001');
      expect(sent()).toEqual(['1', '2', '#']);
      await one.call(external).getByText('Tones sent: 12#').waitFor();

      await hangUpAndWrapUp(one, external, EXTERNAL);
      expect(pages.problems).toEqual([]);
    } finally {
      tlib.close();
    }
  });

  it('conferences by consultation: the party list shows both, and removing a party leaves the customer', async () => {
    const one = await loggedIn('agent3');
    const two = await loggedIn('agent4');
    const call = await customerCall(one, '5003');

    const consultation = await consultationAnswered(one, two, call, '5004', 'Conference');
    await one.callButton(call, 'Complete conference').click();
    await one.call(consultation).waitFor({ state: 'detached' });

    // One call with two other parties; each can be removed.
    const conference = new RegExp(`^Call with ${escapeRegExp(CUSTOMER)}`);
    await one.callState(conference, 'Established');
    await waitForParties(one, conference, [CUSTOMER, '5004']);
    await one.waitForRest<{ calls: RestCall[] }>(
      CALLS,
      (body) => body.calls[0]?.participants?.length === 2,
      'two parties on the conference',
    );
    await one.callButton(conference, 'Remove 5004').click();
    await two.noCalls();
    await twoParty(one);
    await one.callState(call, 'Established');
    await hangUpAndWrapUp(one, call, CUSTOMER);
    expect(pages.problems).toEqual([]);
  });

  it('conferences in a party in a single step, then removes it', async () => {
    const one = await loggedIn('agent5');
    const two = await loggedIn('agent6');
    const call = await customerCall(one, '5005', { CustomerName: 'Ada Lovelace' });

    await toward(one, call, '5006', 'Single-step conference');
    const joining = new RegExp(`with .*${escapeRegExp(CUSTOMER)}|with 5005`);
    await two.callState(joining, 'Ringing');
    expect(await two.dataField(joining, 'CustomerName').inputValue()).toBe('Ada Lovelace');
    await two.callButton(joining, 'Answer').click();
    await two.callState(joining, 'Established');

    const conference = new RegExp(`^Call with ${escapeRegExp(CUSTOMER)}`);
    await waitForParties(one, conference, [CUSTOMER, '5006']);
    await one.callButton(conference, 'Remove 5006').click();
    await two.noCalls();
    await twoParty(one);
    await hangUpAndWrapUp(one, conference, CUSTOMER);
    expect(pages.problems).toEqual([]);
  });

  it('transfers in a single step: the other agent rings with the data, and the wrap-up view passes axe', async () => {
    const one = await loggedIn('agent7');
    const two = await loggedIn('agent8');
    const call = await customerCall(one, '5007', { CustomerName: 'Grace Hopper' });

    await toward(one, call, '5008', 'Single-step transfer');
    await one.noCalls();
    await two.callState(call, 'Ringing');
    expect(await two.dataField(call, 'CustomerName').inputValue()).toBe('Grace Hopper');

    // agent7 talked on the call: its wrap-up is up, in After Call Work.
    const wrapUpCard = one.page.getByRole('region', { name: `Wrap-up: call with ${CUSTOMER}` });
    await wrapUpCard.getByText('No disposition was recorded for this call.').waitFor();
    await one.waitForState('After Call Work');
    await one.page.screenshot({ path: '/tmp/agent-desktop-wrap-up.png' });
    expect(await one.seriousViolations()).toEqual([]);
    await wrapUp(one, CUSTOMER);

    await two.callButton(call, 'Answer').click();
    await two.callState(call, 'Established');
    await two.callButton(call, 'Hang up').click();
    await two.noCalls();
    expect(pages.problems).toEqual([]);
  });

  it('swaps between a call and its consultation, then ends the consultation and goes back to the customer', async () => {
    const one = await loggedIn('agent9');
    const two = await loggedIn('agent10');
    const call = await customerCall(one, '5009');

    const consultation = await consultationAnswered(one, two, call, '5010', 'Transfer');

    await one.callButton(consultation, 'Swap').click();
    await one.callState(call, 'Established');
    await one.callState(consultation, 'Held');
    await one.callButton(call, 'Swap').click();
    await one.callState(consultation, 'Established');
    await one.callState(call, 'Held');

    await one.callButton(consultation, 'Hang up').click();
    await one.call(consultation).waitFor({ state: 'detached' });
    await two.noCalls();
    await one.callState(call, 'Established');
    await hangUpAndWrapUp(one, call, CUSTOMER);
    expect(pages.problems).toEqual([]);
  });

  it('redirects a ringing call to another agent (no wrap-up for a call never talked on)', async () => {
    const one = await loggedIn('agent11');
    const two = await loggedIn('agent12');
    await injectCall('5011', { CustomerName: 'Alan Turing' });
    const call = `Call with ${CUSTOMER}`;
    await one.callState(call, 'Ringing');
    expect(await one.callButton(call, 'Hold').isVisible()).toBe(false);

    await toward(one, call, '5012', 'Redirect');
    await one.noCalls();
    await two.callState(call, 'Ringing');
    expect(await two.dataField(call, 'CustomerName').inputValue()).toBe('Alan Turing');
    expect(await one.page.getByRole('region', { name: /^Wrap-up/ }).count()).toBe(0);
    await one.waitForState('Not Ready');

    await two.callButton(call, 'Hang up').click();
    await two.noCalls();
    expect(pages.problems).toEqual([]);
  });

  it('turns Do Not Disturb and call forwarding on and off, as GWS reports them', async () => {
    const agent = await loggedIn('agent13');
    const deviceIs = (ok: (device: RestDevice | undefined) => boolean, what: string) =>
      agent.waitForRest<{ devices: RestDevice[] }>(DEVICES, (body) => ok(body.devices[0]), what);

    const dnd = agent.button('Do not disturb');
    expect(await dnd.getAttribute('aria-pressed')).toBe('false');
    await dnd.click();
    await agent.page.locator('button[aria-pressed="true"]', { hasText: 'Do not disturb' }).waitFor();
    await announced(agent, 'Do not disturb is on');
    await deviceIs((device) => device?.doNotDisturb === 'On', 'DND on');
    await dnd.click();
    await agent.page.locator('button[aria-pressed="false"]', { hasText: 'Do not disturb' }).waitFor();
    await announced(agent, 'Do not disturb is off');
    await deviceIs((device) => device?.doNotDisturb === 'Off', 'DND off');

    await agent.page.getByLabel('Forward to').fill('5014');
    await agent.button('Forward').click();
    await agent.page.getByText('Calls are forwarded to 5014', { exact: true }).first().waitFor();
    await announced(agent, 'Calls are forwarded to 5014');
    expect(await agent.page.getByLabel('Forward to').isVisible()).toBe(false);
    await deviceIs((device) => device?.forwardTo === '5014', 'forwarding to 5014');
    await agent.button('Stop forwarding').click();
    await agent.page.getByLabel('Forward to').waitFor();
    await announced(agent, 'Calls are no longer forwarded');
    expect(
      await agent.page.getByRole('region', { name: 'Agent state' }).getByText('Calls are forwarded to').count(),
    ).toBe(0);
    await deviceIs((device) => device?.forwardTo === undefined, 'forwarding off');
    expect(pages.problems).toEqual([]);
  });
});
