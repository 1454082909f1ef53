/**
 * One instance of each NestJS package in a process started by tsx, as under plain Node (`npm start`).
 *
 * NestJS 12 ships ESM only. Under plain Node, GWS's compiled `require('@nestjs/common')` loads the package through
 * the ES module loader (require(esm)), the same instance `@nestjs/core` reaches with its `import('@nestjs/platform-
 * express')`. Under tsx, `require` of an ESM file is transpiled to a second, CommonJS copy: the express adapter then
 * throws the ESM copy's BadRequestException, which is no `HttpException` to GWS's exception filter (its copy), and a
 * malformed JSON body is answered 500 instead of 400. That is an artefact of the bench loader, not of GWS; this puts
 * the ES module instances in the CommonJS cache before any GWS module is loaded, so that both paths share them.
 * Called by `loadBenchGws` (bench-gws.ts), so that every bench child runs GWS as `npm start` does.
 */
import Module, { createRequire } from 'node:module';

const NEST_PACKAGES = [
  '@nestjs/common',
  '@nestjs/core',
  '@nestjs/platform-express',
  '@nestjs/passport',
  '@nestjs/swagger',
] as const;

const load = createRequire(__filename);

export async function shareNestModules(): Promise<void> {
  for (const name of NEST_PACKAGES) {
    const filename = load.resolve(name);
    const cached = new Module(filename);
    cached.filename = filename;
    cached.exports = (await import(name)) as object;
    cached.loaded = true;
    load.cache[filename] = cached;
  }
  const viaRequire = load('@nestjs/common') as { HttpException: unknown };
  const viaImport = (await import('@nestjs/common')) as { HttpException: unknown };
  if (viaRequire.HttpException !== viaImport.HttpException) throw new Error('two instances of @nestjs/common');
}
