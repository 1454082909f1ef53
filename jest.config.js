// @ts-check
/** swc compiles TypeScript for Jest; type checking is `npm run typecheck`, which `npm test` runs first. */
const transform = {
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

const shared = { transform, moduleNameMapper, testEnvironment: 'node', rootDir: __dirname };

/** @type {import('jest').Config} */
module.exports = {
  projects: [
    { ...shared, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs}/**/*.spec.ts'] },
    { ...shared, displayName: 'e2e', testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'] },
  ],
};
