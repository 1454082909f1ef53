import type { Config } from 'jest';

/** swc compiles TypeScript for Jest (type checking is `npm run typecheck`, run first by `npm test`). */
const transform: Config['transform'] = {
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

const moduleNameMapper: Config['moduleNameMapper'] = {
  '^@gws/tlib$': '<rootDir>/libs/tlib/src',
  '^@gws/tlib/(.*)$': '<rootDir>/libs/tlib/src/$1',
};

const shared = { transform, moduleNameMapper, testEnvironment: 'node', rootDir: '.' };

const config: Config = {
  projects: [
    { ...shared, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs}/**/*.spec.ts'] },
    { ...shared, displayName: 'e2e', testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'] },
  ],
};

export default config;
