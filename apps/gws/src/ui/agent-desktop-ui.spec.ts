import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { serveAgentDesktopUi, agentDesktopUiDir } from './agent-desktop-ui';

@Module({})
class EmptyModule {}

describe('serveAgentDesktopUi', () => {
  let dir: string;
  let app: NestExpressApplication;
  let base: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'agent-desktop-ui-'));
    app = await NestFactory.create<NestExpressApplication>(EmptyModule, { logger: false });
    serveAgentDesktopUi(app, dir);
    await app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await app?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('answers 503 naming the build command while the page is not built', async () => {
    const answer = await fetch(`${base}/ui/ad/v1/`);
    expect(answer.status).toBe(503);
    expect(await answer.text()).toContain('run npm run build:ui');
  });

  it('serves the built page with no-cache, a CSP that allows the gateway WebSocket, and nosniff', async () => {
    await writeFile(join(dir, 'index.html'), '<!doctype html><title>agent desktop</title>');
    await writeFile(join(dir, 'agent-desktop.js'), 'void 0;');
    const index = await fetch(`${base}/ui/ad/v1/`);
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toMatch(/^text\/html/);
    expect(index.headers.get('cache-control')).toBe('no-cache');
    expect(index.headers.get('x-content-type-options')).toBe('nosniff');
    const csp = index.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("connect-src 'self' wss: ws:");
    expect(await index.text()).toContain('<title>agent desktop</title>');

    const script = await fetch(`${base}/ui/ad/v1/agent-desktop.js`);
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toMatch(/javascript/);
    expect(script.headers.get('cache-control')).toBe('no-cache');
    expect(script.headers.get('etag')).toBeTruthy();
  });

  it('redirects the folder without its slash, keeping the query (relative assets need it)', async () => {
    const answer = await fetch(`${base}/ui/ad/v1?debug=JsSIP:*`, { redirect: 'manual' });
    expect(answer.status).toBe(301);
    expect(answer.headers.get('location')).toBe('v1/?debug=JsSIP:*');
  });

  it('leaves unknown files and other methods to the app (404 there)', async () => {
    expect((await fetch(`${base}/ui/ad/v1/missing.js`)).status).toBe(404);
    expect((await fetch(`${base}/ui/ad/v1/`, { method: 'POST' })).status).toBe(404);
  });

  it('finds dist/ui/ad/v1 from the sources', () => {
    expect(agentDesktopUiDir()).toBe(join(__dirname, '../../../../dist/ui/ad/v1'));
  });
});
