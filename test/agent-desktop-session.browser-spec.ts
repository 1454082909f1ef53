import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { parse, stringify } from 'yaml';
import { freeLoopbackPort } from '@gws/testing';
import { demoDirectoryFile } from '@gws/directory';
import { buildAgentDesktop } from '../apps/agent-desktop/build';
import { DesktopPages, type AgentDesktopPage } from './support/agent-desktop-page';
import { FAKE_MEDIA, launchChromium } from './support/chromium';
import { GwsRestAgent } from './support/gws-rest-agent';
import { startGwsTestPlatform, type GwsTestPlatform } from './support/gws-test-platform';

const CUSTOMER = '+15557654321';

jest.setTimeout(60_000);

/**
 * The agent desktop's refusals and recovery in real Chromium on the embedded simulators: a wrong password, a locked
 * account, no default place and a place held by someone else, a reload in the middle of a call, a CometD outage
 * (banner, then the state read again), keyboard use and a narrow window. The demo contact center plus one agent
 * without a default place ("floater").
 */
describe('Agent desktop: refusals, place choice and recovery (embedded default)', () => {
  let platform: GwsTestPlatform;
  let browser: Browser;
  let controlUrl: string;
  let directoryDir: string;
  /** Refusals the pages provoke on purpose: no session yet, a wrong password, a lockout, no gateway, a place in use. */
  let pages: DesktopPages;

  beforeAll(async () => {
    await buildAgentDesktop();
    directoryDir = await mkdtemp(join(tmpdir(), 'agent-desktop-directory-'));
    const directory = parse(await readFile(demoDirectoryFile(), 'utf8')) as {
      agentLogins: unknown[];
      persons: unknown[];
    };
    directory.agentLogins.push({ code: '1099' });
    directory.persons.push({
      userName: 'floater',
      firstName: 'Flo',
      lastName: 'Ater',
      password: 'password',
      agentLogins: ['1099'],
    });
    const directoryFile = join(directoryDir, 'contact-center.yaml');
    await writeFile(directoryFile, stringify(directory));
    const controlPort = await freeLoopbackPort();
    controlUrl = `http://127.0.0.1:${controlPort}`;
    platform = await startGwsTestPlatform({
      env: { LOGIN_FAILURE_LIMIT: '3' },
      directoryFile,
      tserverControlPort: controlPort,
    });
    browser = await launchChromium(FAKE_MEDIA);
    pages = new DesktopPages(browser, platform.baseUrl, [400, 401, 404, 409, 429]);
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await platform?.close();
    if (directoryDir !== undefined) await rm(directoryDir, { recursive: true, force: true });
  });
  beforeEach(() => {
    pages.problems = [];
  });
  afterEach(async () => {
    await pages.screenshots('agent-desktop-session-last');
    await pages.close();
  });

  const desktop = (): Promise<AgentDesktopPage> => pages.open();

  it('says the password is wrong and, past the limit, that the account is locked and for how long', async () => {
    const agent = await desktop();
    await agent.logIn('agent3', 'not-the-password');
    await agent.page.getByRole('alert').filter({ hasText: 'Wrong user name or password.' }).waitFor();
    await agent.logIn('agent3', 'still-wrong');
    await agent.logIn('agent3', 'wrong-again');
    // Locked even with the right password (docs/security.md).
    await agent.logIn('agent3', 'password');
    await agent.page.getByText(/Account locked after too many failed logins: try again in \d+ s\./).waitFor();
    expect(await agent.page.getByRole('region', { name: 'Agent state' }).count()).toBe(0);
    expect(pages.problems).toEqual([]);
  });

  it('asks for a place when the agent has none, and says when a place is held by someone else', async () => {
    const holder = new GwsRestAgent(platform.baseUrl, 'agent5');
    await holder.login();
    expect((await holder.startContactCenterSession()).status).toBe(200);

    const agent = await desktop();
    await agent.logIn('floater');
    await agent.page.getByText('You have no default place: enter the place you sit at.').waitFor();
    await agent.page.getByLabel('Place', { exact: true }).fill('Place_5005');
    await agent.button('Start session').click();
    await agent.page.getByText('Place Place_5005 is in use by another user: choose another place.').waitFor();
    await agent.page.getByLabel('Place', { exact: true }).fill('Place_5006');
    await agent.button('Start session').click();
    await agent.waitForState('Not Ready');
    await agent.page.getByText('Flo Ater · DN 5006').waitFor();
    await agent.button('Log out').click();
    await agent.page.getByText('You are logged out.').waitFor();
    await holder.post('/api/v2/me', { operationName: 'EndContactCenterSession' });
    expect(pages.problems).toEqual([]);
  });

  it('shows the call as it is after a reload, and a banner while CometD reconnects, then reads the state again', async () => {
    const agent = await desktop();
    // By keyboard: the form's fields and button in tab order, Enter to submit.
    await agent.page.getByLabel('User name').focus();
    await agent.page.keyboard.type('agent7');
    await agent.page.keyboard.press('Tab');
    await agent.page.keyboard.type('password');
    await agent.page.keyboard.press('Enter');
    await agent.waitForState('Not Ready');
    await agent.button('Ready').focus();
    await agent.page.keyboard.press('Enter');
    await agent.waitForState('Ready');

    const injected = await fetch(`${controlUrl}/calls`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ ani: CUSTOMER, destination: '5007', userData: { CustomerName: 'Grace Hopper' } }),
    });
    expect(injected.status).toBe(201);
    const call = `Call with ${CUSTOMER}`;
    await agent.callState(call, 'Ringing');
    await agent.callButton(call, 'Answer').click();
    await agent.callState(call, 'Established');

    await agent.page.reload();
    await agent.callState(call, 'Established');
    expect(await agent.dataField(call, 'CustomerName').inputValue()).toBe('Grace Hopper');
    await agent.waitForState('Ready');

    // CometD's long polls fail: the banner says so. Hold (REST still works) ends the poll in flight with its message;
    // the next ones are refused, so Retrieve's message waits on the server until the link is back.
    await agent.page.route('**/api/v2/notifications/**', (route) => route.abort('connectionrefused'));
    await agent.callButton(call, 'Hold').click();
    await agent.page.getByRole('alert').filter({ hasText: 'Connection to GWS lost: reconnecting' }).waitFor();
    await agent.callButton(call, 'Retrieve').click();
    await agent.page.unroute('**/api/v2/notifications/**');
    await agent.page.getByRole('alert').filter({ hasText: 'Connection to GWS lost' }).waitFor({ state: 'detached' });
    await agent.callState(call, 'Established');

    // A narrow window: one column, nothing wider than the screen.
    await agent.page.setViewportSize({ width: 360, height: 720 });
    expect(await agent.page.evaluate<boolean>('document.documentElement.scrollWidth <= window.innerWidth')).toBe(true);
    await agent.page.screenshot({ path: `${process.env['SCREENSHOT_DIR'] ?? '/tmp'}/agent-desktop-narrow.png` });
    await agent.callButton(call, 'Hang up').click();
    await agent.page.getByText('No calls.').waitFor();
    await agent.button('Log out').click();
    await agent.page.getByText('You are logged out.').waitFor();
    expect(pages.problems.filter((problem) => !problem.includes('net::ERR_CONNECTION_REFUSED'))).toEqual([]);
  });
});
