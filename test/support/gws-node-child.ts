/**
 * Entry of a GWS node process started by `startGwsNodeProcess` (gws-node-process.ts): GWS's own main
 * (apps/gws/src/main.ts, configured from the environment alone) run from the TypeScript sources. tsx's CommonJS hook
 * (`--require tsx/cjs`) resolves the `@gws/*` paths; swc compiles GWS with the decorator metadata NestJS injection
 * needs; NestJS is one ES module instance for both loaders, as under `npm start` (bench/support/nest-modules.ts says
 * why). Node's own ES module loader stays unhooked, which loads NestJS about a third faster than `--import tsx`.
 */
import { createRequire } from 'node:module';
import { registerSwcTypeScript } from '../../bench/support/login-swc-register';
import { shareNestModules } from '../../bench/support/nest-modules';

registerSwcTypeScript();
shareNestModules().then(
  () => void createRequire(__filename)('../../apps/gws/src/main'),
  (error: unknown) => {
    process.stderr.write(
      `gws-node-child: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(1);
  },
);
