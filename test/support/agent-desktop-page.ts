import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';

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
    await this.page.locator('.current-state .state-name', { hasText: new RegExp(`^${escape(label)}$`) }).waitFor();
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

interface AxeResult {
  violations: { id: string; impact: string | null; nodes: { target: string[] }[] }[];
}

let axe: string | undefined;

function axeSource(): string {
  axe ??= readFileSync(join(__dirname, '../../node_modules/axe-core/axe.min.js'), 'utf8');
  return axe;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
