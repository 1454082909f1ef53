/**
 * The build both pages share (`apps/softphone/build.ts`, `apps/agent-desktop/build.ts`, run by `npm run build:ui`):
 * esbuild bundles the page's `main.ts` with what it imports from node_modules (JsSIP, the CometD client) into one
 * script and its stylesheet with what it `@import`s into one stylesheet, both minified with linked source maps, and
 * copies the page's other files beside them. Nothing comes from a CDN.
 */
import { copyFile, mkdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { build } from 'esbuild';

export interface PageSources {
  /** The page's source folder: `main.ts`, `<name>.css` and the files to copy. */
  readonly sourceDir: string;
  /** The names of the bundles: `<name>.js` and `<name>.css`. */
  readonly name: string;
  /** Files copied as they are (`index.html`, a configuration the site may replace). */
  readonly copy: readonly string[];
}

export interface PageBuildResult {
  outDir: string;
  /** The files the page is made of (source maps and legal notices aside). */
  files: string[];
  /** Bytes of the bundled script as written (minified, before HTTP compression). */
  scriptBytes: number;
}

/** Builds `page` into `outDir`; esbuild's errors reject the promise. */
export async function buildPage(page: PageSources, outDir: string): Promise<PageBuildResult> {
  await mkdir(outDir, { recursive: true });
  await build({
    entryPoints: [
      { in: join(page.sourceDir, 'main.ts'), out: page.name },
      { in: join(page.sourceDir, `${page.name}.css`), out: page.name },
    ],
    outdir: outDir,
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
  await Promise.all(page.copy.map((file) => copyFile(join(page.sourceDir, file), join(outDir, file))));
  const script = `${page.name}.js`;
  const scriptBytes = (await stat(join(outDir, script))).size;
  return { outDir, files: [script, `${page.name}.css`, ...page.copy], scriptBytes };
}

/** `tsx <page>/build.ts`: runs `build`, says where the page went, and fails the process when it fails. */
export function runPageBuild(what: string, build: () => Promise<PageBuildResult>): void {
  build().then(
    (result) => process.stdout.write(`${what} built in ${result.outDir} (script ${result.scriptBytes} bytes)\n`),
    (error: unknown) => {
      process.stderr.write(`${what} build failed: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
