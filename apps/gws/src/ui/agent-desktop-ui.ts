import { builtUiDir, uiContentSecurityPolicy, type StaticUi } from './static-ui';

/**
 * The agent desktop at /ui/ad/v1/ (issue 14; the product's architecture names this path), built to dist/ui/ad/v1.
 * Beyond what every page may, the CometD client runs its timers in a Worker made from a blob, which background tabs
 * do not throttle.
 */
export function agentDesktopUi(dir: string = builtUiDir('ui/ad/v1')): StaticUi {
  return {
    path: '/ui/ad/v1',
    dir,
    csp: uiContentSecurityPolicy(["worker-src 'self' blob:"]),
    name: 'The agent desktop',
  };
}
