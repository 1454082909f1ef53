/**
 * Builds the softphone page (`npm run build:ui`, part of `npm run build`): esbuild bundles `src/main.ts` with JsSIP
 * from node_modules into one script, and the HTML and CSS are copied beside it. Everything is served locally by GWS
 * at /ui/softphone/ (no CDN), from `dist/ui/softphone/`.
 */
import { copyFile, mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';

/** The page's source folder and where GWS looks for the built page (see apps/gws/src/ui). */
export const softphoneSourceDir = resolve(__dirname, 'src');
export const softphoneOutDir = resolve(__dirname, '../../dist/ui/softphone');

const staticFiles = ['index.html', 'softphone.css'];

export interface SoftphoneBuildResult {
  outDir: string;
  files: string[];
}

/** Bundles the page into `outDir` (default dist/ui/softphone); esbuild's errors reject the promise. */
export async function buildSoftphone(outDir: string = softphoneOutDir): Promise<SoftphoneBuildResult> {
  await mkdir(outDir, { recursive: true });
  await build({
    entryPoints: [join(softphoneSourceDir, 'main.ts')],
    outfile: join(outDir, 'softphone.js'),
    bundle: true,
    platform: 'browser',
    format: 'iife',
    target: ['chrome110', 'firefox110', 'safari16'],
    minify: true,
    sourcemap: 'linked',
    legalComments: 'linked',
    logLevel: 'warning',
    // JsSIP's `debug` dependency reads process.env in its Node build; the browser build must not reference it.
    define: { 'process.env.NODE_ENV': '"production"' },
  });
  await Promise.all(staticFiles.map((file) => copyFile(join(softphoneSourceDir, file), join(outDir, file))));
  return { outDir, files: ['softphone.js', ...staticFiles] };
}

if (require.main === module) {
  buildSoftphone().then(
    (result) => process.stdout.write(`softphone page built in ${result.outDir}\n`),
    (error: unknown) => {
      process.stderr.write(`softphone build failed: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
