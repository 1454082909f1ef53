/**
 * Builds the agent desktop (`npm run build:ui`, part of `npm run build`) into `dist/ui/ad/v1/`, which GWS serves at
 * /ui/ad/v1/ (apps/gws/src/ui/agent-desktop-ui.ts): `agent-desktop.js` (src/main.ts with the softphone's JsSIP parts
 * and the official CometD client), `agent-desktop.css`, `index.html` and the site's `desktop-config.json`.
 */
import { resolve } from 'node:path';
import { buildPage, runPageBuild, type PageBuildResult } from '../softphone/build-page';

export const agentDesktopSourceDir = resolve(__dirname, 'src');
export const agentDesktopOutDir = resolve(__dirname, '../../dist/ui/ad/v1');

/** Bundles the desktop into `outDir` (default dist/ui/ad/v1); esbuild's errors reject the promise. */
export function buildAgentDesktop(outDir: string = agentDesktopOutDir): Promise<PageBuildResult> {
  return buildPage(
    { sourceDir: agentDesktopSourceDir, name: 'agent-desktop', copy: ['index.html', 'desktop-config.json'] },
    outDir,
  );
}

if (require.main === module) runPageBuild('agent desktop', () => buildAgentDesktop());
