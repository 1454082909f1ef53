// @ts-check
/** swc compiles TypeScript for Jest; type checking is `npm run typecheck`, which `npm test` runs first. */
const transform = {
  // NestJS 12 ships ES modules only; Node 20 can require() them but Jest's module loader cannot, so swc turns
  // those packages into CommonJS for tests (production code loads them natively).
  '^.+\\.m?js$': [
    '@swc/jest',
    { jsc: { parser: { syntax: 'ecmascript' }, target: 'es2022' }, module: { type: 'commonjs' } },
  ],
  '^.+\\.ts$': [
    '@swc/jest',
    {
      jsc: {
        parser: { syntax: 'typescript', decorators: true },
        transform: { legacyDecorator: true, decoratorMetadata: true },
        target: 'es2022',
      },
    },
  ],
};

/** `@gws/<lib>` resolves to `libs/<lib>/src`, as in tsconfig.json. */
const moduleNameMapper = { '^@gws/([a-z-]+)$': '<rootDir>/libs/$1/src' };

/** ESM-only packages that must be transformed; every other dependency is CommonJS and loads as it is. */
const esmPackages = [
  '@nestjs',
  'cometd',
  'cometd-nodejs-client',
  'http-proxy-agent',
  'https-proxy-agent',
  'agent-base',
  'proxy-agent-negotiate',
  '@apidevtools/json-schema-ref-parser',
];
const transformIgnorePatterns = [`/node_modules/(?!(${esmPackages.join('|')})/)`];

const shared = { transform, transformIgnorePatterns, moduleNameMapper, testEnvironment: 'node', rootDir: __dirname };

/** @type {import('jest').Config} */
module.exports = {
  // Jest reads testTimeout only here, not per project. End-to-end and browser tests start simulators, GWS or
  // Chromium and wait on real traffic, each wait inside bounded on its own; 5 s (the default) is tight on a busy CI.
  testTimeout: 15_000,
  projects: [
    { ...shared, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs}/**/*.spec.ts'] },
    // Drives the system Chromium (`npm run test:browser`; .ci/run installs it). Not in `npm test`, which needs Node only.
    { ...shared, displayName: 'browser', testMatch: ['<rootDir>/test/**/*.browser-spec.ts'] },
    { ...shared, displayName: 'e2e', testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'] },
    // Real Kamailio, rtpengine, coturn, nginx, Redis and Chromium in a private network namespace
    // (`npm run test:gateway`; .ci/run installs the Debian packages). Not in `npm test`.
    { ...shared, displayName: 'gateway', testMatch: ['<rootDir>/test/**/*.gateway-spec.ts'] },
  ],
};
