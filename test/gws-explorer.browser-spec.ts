import type { Browser } from 'playwright-core';
import { launchChromium } from './support/chromium';
import { startGwsTestPlatform, type GwsTestPlatform } from './support/gws-test-platform';

// Chromium's first start on a cold CI machine takes longer than the suite-wide 15 s.
jest.setTimeout(30_000);

describe('OpenAPI explorer in a real browser', () => {
  let platform: GwsTestPlatform;
  let browser: Browser;

  beforeAll(async () => {
    platform = await startGwsTestPlatform();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await platform?.close();
  });

  it('renders every tag and lets an integrator open an operation and its body variants', async () => {
    const page = await browser.newPage();
    const failures: string[] = [];
    page.on('pageerror', (error) => failures.push(error.message));
    await page.goto(`${platform.baseUrl}/api/v2/docs`);
    await page.getByText('open-gws: Genesys Web Services API v2 (voice)').waitFor();
    for (const tag of ['Me', 'Channels', 'Devices', 'Calls', 'Settings']) {
      await page.locator(`h3[data-tag="${tag}"]`).waitFor();
    }
    const operation = page.locator('#operations-Me-MeController_operate');
    await operation.locator('.opblock-summary').click();
    await operation.getByText('StartContactCenterSession').first().waitFor();
    await page.screenshot({ path: `${process.env['SCREENSHOT_DIR'] ?? '/tmp'}/gws-explorer.png`, fullPage: false });
    expect(failures).toEqual([]);
  });
});
