/**
 * Builds the agent desktop (`npm run build:ui`, part of `npm run build`): esbuild bundles `src/main.ts` (with the
 * softphone's JsSIP parts and the official CometD client from node_modules) into one script, and the HTML, CSS and
 * desktop configuration are copied beside it. GWS serves `dist/ui/ad/v1/` at /ui/ad/v1/; nothing comes from a CDN.
 */
import { copyFile, mkdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';

/** The page's source folder and where GWS looks for the built page (apps/gws/src/ui/agent-desktop-ui.ts). */
export const agentDesktopSourceDir = resolve(__dirname, 'src');
export const agentDesktopOutDir = resolve(__dirname, '../../dist/ui/ad/v1');

const staticFiles = ['index.html', 'agent-desktop.css', 'desktop-config.json'];

export interface AgentDesktopBuildResult {
  outDir: string;
  files: string[];
  /** Bytes of the bundled script as served (minified, before HTTP compression). */
  scriptBytes: number;
}

/** Bundles the desktop into `outDir` (default dist/ui/ad/v1); esbuild's errors reject the promise. */
export async function buildAgentDesktop(outDir: string = agentDesktopOutDir): Promise<AgentDesktopBuildResult> {
  await mkdir(outDir, { recursive: true });
  await build({
    entryPoints: [join(agentDesktopSourceDir, 'main.ts')],
    outfile: join(outDir, 'agent-desktop.js'),
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
  await Promise.all(staticFiles.map((file) => copyFile(join(agentDesktopSourceDir, file), join(outDir, file))));
  const scriptBytes = (await stat(join(outDir, 'agent-desktop.js'))).size;
  return { outDir, files: ['agent-desktop.js', ...staticFiles], scriptBytes };
}

if (require.main === module) {
  buildAgentDesktop().then(
    (result) => process.stdout.write(`agent desktop built in ${result.outDir} (script ${result.scriptBytes} bytes)\n`),
    (error: unknown) => {
      process.stderr.write(`agent desktop build failed: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
