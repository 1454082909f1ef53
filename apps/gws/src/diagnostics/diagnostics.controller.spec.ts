import { Test } from '@nestjs/testing';
import type { INestApplication } from '@nestjs/common';
import { DiagnosticsController } from './diagnostics.controller';

describe('DiagnosticsController', () => {
  let app: INestApplication;
  afterEach(async () => app?.close());

  it('answers the version without a session', async () => {
    const moduleRef = await Test.createTestingModule({ controllers: [DiagnosticsController] }).compile();
    app = moduleRef.createNestApplication();
    await app.listen(0, '127.0.0.1');
    const response = await fetch(`${await app.getUrl()}/api/v2/diagnostics/version`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ statusCode: 0, version: '0.1.0' });
  });
});
