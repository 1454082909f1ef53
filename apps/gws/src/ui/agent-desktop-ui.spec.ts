import { join } from 'node:path';
import { agentDesktopUi } from './agent-desktop-ui';

describe('agentDesktopUi', () => {
  it('is served at /ui/ad/v1 from dist/ui/ad/v1', () => {
    const ui = agentDesktopUi();
    expect(ui.path).toBe('/ui/ad/v1');
    expect(ui.dir).toBe(join(__dirname, '../../../../dist/ui/ad/v1'));
  });

  it('lets the CometD client run its timers in a Worker made from a blob, and still nothing inline', () => {
    const csp = agentDesktopUi().csp.split('; ');
    expect(csp).toContain("worker-src 'self' blob:");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("connect-src 'self' wss: ws:");
    expect(csp.join(' ')).not.toContain('unsafe-inline');
  });
});
