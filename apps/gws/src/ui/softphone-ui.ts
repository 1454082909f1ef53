import { builtUiDir, uiContentSecurityPolicy, type StaticUi } from './static-ui';

/** The softphone page at /ui/softphone/ (issue 13; the agent desktop embeds its parts), built to dist/ui/softphone. */
export function softphoneUi(dir: string = builtUiDir('ui/softphone')): StaticUi {
  return { path: '/ui/softphone', dir, csp: uiContentSecurityPolicy(), name: 'The softphone page' };
}
