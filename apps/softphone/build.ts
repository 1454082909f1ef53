/**
 * Builds the softphone page (`npm run build:ui`, part of `npm run build`) into `dist/ui/softphone/`, which GWS serves
 * at /ui/softphone/ (apps/gws/src/ui/softphone-ui.ts): `softphone.js` (src/main.ts with JsSIP), `softphone.css`,
 * `index.html`.
 */
import { resolve } from 'node:path';
import { buildPage, runPageBuild, type PageBuildResult } from './build-page';

export const softphoneSourceDir = resolve(__dirname, 'src');
export const softphoneOutDir = resolve(__dirname, '../../dist/ui/softphone');

/** Bundles the page into `outDir` (default dist/ui/softphone); esbuild's errors reject the promise. */
export function buildSoftphone(outDir: string = softphoneOutDir): Promise<PageBuildResult> {
  return buildPage({ sourceDir: softphoneSourceDir, name: 'softphone', copy: ['index.html'] }, outDir);
}

if (require.main === module) runPageBuild('softphone page', () => buildSoftphone());
