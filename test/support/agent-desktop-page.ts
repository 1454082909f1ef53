import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { waitForAsync } from '@gws/testing';

/** The agent desktop as an agent uses it: by roles and visible labels (apps/agent-desktop). */
export class AgentDesktopPage {
  constructor(
    readonly page: Page,
    private readonly baseUrl: string,
  ) {}

  async open(): Promise<void> {
    await this.page.goto(`${this.baseUrl}/ui/ad/v1/`);
  }

  async logIn(userName: string, password = 'password'): Promise<void> {
    await this.page.getByLabel('User name').fill(userName);
    await this.page.getByLabel('Password').fill(password);
    await this.page.getByRole('button', { name: 'Log in' }).click();
  }

  /** The current state in the page header, e.g. "Ready" or "Not Ready: Lunch". */
  currentState(): Locator {
    return this.page.locator('.current-state .state-name');
  }

  async waitForState(label: string): Promise<void> {
    await this.page
      .locator('.current-state .state-name', { hasText: new RegExp(`^${escapeRegExp(label)}$`) })
      .waitFor();
  }

  button(name: string): Locator {
    return this.page.getByRole('button', { name, exact: true });
  }

  /** A call's card: the region named "Call with <party>" or "Consultation with <party>". */
  call(name: string | RegExp): Locator {
    return this.page.getByRole('region', { name });
  }

  callButton(call: string | RegExp, name: string): Locator {
    return this.call(call).first().getByRole('button', { name, exact: true });
  }

  /** A screen-pop field of a call (its label is the user-data key). */
  dataField(call: string | RegExp, key: string): Locator {
    return this.call(call).first().getByRole('textbox', { name: key, exact: true });
  }

  async callState(call: string | RegExp, state: string): Promise<void> {
    await this.call(call)
      .first()
      .locator('.call-state', { hasText: new RegExp(`^${state}$`) })
      .first()
      .waitFor();
  }

  /** Waits until the page shows no call. */
  async noCalls(): Promise<void> {
    await this.page.getByText('No calls.').waitFor();
  }

  /** GET on GWS's API with this page's HTTP session (its cookie), the body as JSON. */
  async rest<T>(path: string): Promise<T> {
    const answer = await this.page.request.get(`${this.baseUrl}${path}`);
    if (answer.status() !== 200) throw new Error(`GET ${path}: ${answer.status()} ${await answer.text()}`);
    return (await answer.json()) as T;
  }

  /** Reads `path` until `ok` holds of its body (10 s at most); resolves with that body. */
  async waitForRest<T>(path: string, ok: (body: T) => boolean, what: string): Promise<T> {
    let last: T | undefined;
    await waitForAsync(
      async () => ok((last = await this.rest<T>(path))),
      10_000,
      () => `${what} over REST; last ${path}: ${JSON.stringify(last)}`,
    );
    return last!;
  }

  /** Waits until `field` shows `value` (10 s at most). */
  async waitForValue(field: Locator, value: string): Promise<void> {
    await field.waitFor();
    let last = '';
    await waitForAsync(
      async () => (last = await field.inputValue()) === value,
      10_000,
      () => `the field to show '${value}' (it shows '${last}')`,
    );
  }

  /** axe-core's serious and critical violations on the page as it is now (rule id and the nodes' targets). */
  async seriousViolations(): Promise<string[]> {
    // Evaluated over the DevTools protocol: the page's CSP (script-src 'self') refuses an inline script tag.
    if (!(await this.page.evaluate('typeof axe === "object"'))) await this.page.evaluate(axeSource());
    const result = await this.page.evaluate(async () => {
      const axe = (globalThis as unknown as { axe: { run(options: object): Promise<AxeResult> } }).axe;
      return axe.run({ resultTypes: ['violations'] });
    });
    return result.violations
      .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
      .map(
        (violation) =>
          `${violation.id} (${violation.impact}): ${violation.nodes.map((node) => node.target.join(' ')).join('; ')}`,
      );
  }
}

/**
 * Desktop pages in fresh browser contexts of one Chromium, each at its own viewport, with what went wrong in any of
 * them collected in `problems`: page errors, and console errors other than the HTTP refusals a test provokes on
 * purpose (`expectedStatus`, e.g. 401 before login). `AGENT_DESKTOP_TEST_CONSOLE=1` prints each page's console and
 * requests.
 */
export class DesktopPages {
  problems: string[] = [];
  private readonly contexts: BrowserContext[] = [];

  constructor(
    private readonly browser: Browser,
    private readonly baseUrl: string,
    private readonly expectedStatus: readonly number[],
  ) {}

  async open(width = 1280, height = 720): Promise<AgentDesktopPage> {
    const context = await this.browser.newContext({ viewport: { width, height } });
    this.contexts.push(context);
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    const refusal = new RegExp(
      `Failed to load resource: the server responded with a status of (${this.expectedStatus.join('|')})`,
    );
    const verbose = process.env['AGENT_DESKTOP_TEST_CONSOLE'] === '1';
    page.on('pageerror', (error) => this.problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (verbose) console.log(`page: ${message.text()}`);
      if (message.type() === 'error' && !refusal.test(message.text())) this.problems.push(`console: ${message.text()}`);
    });
    if (verbose) page.on('request', (request) => console.log(`> ${request.method()} ${request.url()}`));
    const agent = new AgentDesktopPage(page, this.baseUrl);
    await agent.open();
    return agent;
  }

  /** What each open page shows, to /tmp/<prefix>-<n>.png (to see why a test failed). */
  async screenshots(prefix: string): Promise<void> {
    let index = 0;
    for (const page of this.contexts.flatMap((context) => context.pages())) {
      await page.screenshot({ path: `/tmp/${prefix}-${++index}.png`, fullPage: true }).catch(() => undefined);
    }
  }

  /** Closes every page's context. */
  async close(): Promise<void> {
    for (const context of this.contexts.splice(0)) await context.close().catch(() => undefined);
  }
}

interface AxeResult {
  violations: { id: string; impact: string | null; nodes: { target: string[] }[] }[];
}

let axe: string | undefined;

function axeSource(): string {
  axe ??= readFileSync(join(__dirname, '../../node_modules/axe-core/axe.min.js'), 'utf8');
  return axe;
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
