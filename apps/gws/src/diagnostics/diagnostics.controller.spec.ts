import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Test } from '@nestjs/testing';
import type { INestApplication } from '@nestjs/common';
import { DiagnosticsController } from './diagnostics.controller';

/** The project's version as package.json states it, read here rather than through the module under test. */
const packageVersion = (
  JSON.parse(readFileSync(join(__dirname, '../../../../package.json'), 'utf8')) as { version: string }
).version;

describe('DiagnosticsController', () => {
  let app: INestApplication;
  afterEach(async () => app?.close());

  it('answers the version of package.json without a session', async () => {
    const moduleRef = await Test.createTestingModule({ controllers: [DiagnosticsController] }).compile();
    app = moduleRef.createNestApplication();
    await app.listen(0, '127.0.0.1');
    const response = await fetch(`${await app.getUrl()}/api/v2/diagnostics/version`);
    expect(response.status).toBe(200);
    expect(packageVersion).toMatch(/^\d+\.\d+\.\d+/);
    expect(await response.json()).toEqual({ statusCode: 0, version: packageVersion });
  });
});
