import { join } from 'node:path';
import { softphoneUi } from './softphone-ui';
import { uiContentSecurityPolicy } from './static-ui';

describe('softphoneUi', () => {
  it('is served at /ui/softphone from dist/ui/softphone, under the common CSP (no Worker)', () => {
    const ui = softphoneUi();
    expect(ui.path).toBe('/ui/softphone');
    expect(ui.dir).toBe(join(__dirname, '../../../../dist/ui/softphone'));
    expect(ui.csp).toBe(uiContentSecurityPolicy());
    expect(ui.csp).not.toContain('worker-src');
  });
});
