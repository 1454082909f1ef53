import { readFileSync } from 'node:fs';
import Module from 'node:module';
import { transformSync } from '@swc/core';

/**
 * tsx (esbuild) does not emit decorator metadata, and NestJS dependency injection in GWS needs it: under tsx a GWS
 * module graph fails with "Nest can't resolve dependencies". This installs a CommonJS `.ts` loader that compiles
 * with swc exactly as `jest.config.js` does (legacy decorators + decorator metadata), for every `.ts` file loaded
 * with `require()` after the call. Path aliases (`@gws/*`) are still resolved by tsx's resolver.
 */
interface CompilableModule {
  _compile(code: string, filename: string): void;
}

type ExtensionLoader = (module: CompilableModule, filename: string) => void;

export function registerSwcTypeScript(): void {
  const extensions = (Module as unknown as { _extensions: Record<string, ExtensionLoader> })._extensions;
  extensions['.ts'] = (module, filename) => {
    const output = transformSync(readFileSync(filename, 'utf8'), {
      filename,
      sourceMaps: 'inline',
      jsc: {
        parser: { syntax: 'typescript', decorators: true },
        transform: { legacyDecorator: true, decoratorMetadata: true },
        target: 'es2022',
      },
      module: { type: 'commonjs' },
    });
    module._compile(output.code, filename);
  };
}
