import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { get, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Request, Response } from 'express';
import { builtUiDir, serveStaticUi, uiContentSecurityPolicy } from './static-ui';

@Module({})
class EmptyModule {}

/** A script well over compression's 1 KB threshold. */
const SCRIPT = `var page = ${JSON.stringify('x'.repeat(4_000))};\n`;

interface RawAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** A GET with `headers`, the body as sent on the wire (fetch would decompress it). */
function rawGet(url: string, headers: Record<string, string> = {}): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    get(url, { headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }),
      );
      response.on('error', reject);
    }).on('error', reject);
  });
}

describe('serveStaticUi', () => {
  let dir: string;
  let app: NestExpressApplication;
  let base: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'static-ui-'));
    app = await NestFactory.create<NestExpressApplication>(EmptyModule, { logger: false });
    serveStaticUi(app, { path: '/ui/page/v1', dir, csp: uiContentSecurityPolicy(), name: 'The test page' });
    // An API answer as large as the script: it must leave uncompressed.
    app.use('/api/v2/large', (_request: Request, response: Response) => {
      response.json({ padding: 'y'.repeat(4_000) });
    });
    await app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await app?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('answers 503 naming the page and the build command while it is not built', async () => {
    const answer = await fetch(`${base}/ui/page/v1/`);
    expect(answer.status).toBe(503);
    expect(await answer.text()).toBe(`The test page is not built: run npm run build:ui (it writes ${dir}).\n`);
  });

  it('serves the built page with no-cache and ETag, its CSP, nosniff, no referrer, the microphone only', async () => {
    await writeFile(join(dir, 'index.html'), '<!doctype html><title>test page</title>');
    await writeFile(join(dir, 'page.js'), SCRIPT);
    const index = await fetch(`${base}/ui/page/v1/`);
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toMatch(/^text\/html/);
    expect(index.headers.get('cache-control')).toBe('no-cache');
    expect(index.headers.get('x-content-type-options')).toBe('nosniff');
    expect(index.headers.get('referrer-policy')).toBe('no-referrer');
    expect(index.headers.get('permissions-policy')).toBe('microphone=(self), camera=(), geolocation=()');
    expect(index.headers.get('content-security-policy')).toBe(uiContentSecurityPolicy());
    expect(await index.text()).toContain('<title>test page</title>');

    const script = await fetch(`${base}/ui/page/v1/page.js`);
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toMatch(/javascript/);
    expect(script.headers.get('cache-control')).toBe('no-cache');
    expect(script.headers.get('etag')).toBeTruthy();
  });

  it('sends the files compressed (Brotli, else gzip) to a browser that accepts it, and as they are otherwise', async () => {
    const gzipped = await rawGet(`${base}/ui/page/v1/page.js`, { 'Accept-Encoding': 'gzip, deflate' });
    expect(gzipped.status).toBe(200);
    expect(gzipped.headers['content-encoding']).toBe('gzip');
    expect(gzipped.headers['vary']).toMatch(/Accept-Encoding/i);
    expect(gzipped.body.length).toBeLessThan(SCRIPT.length / 10);
    expect(gunzipSync(gzipped.body).toString()).toBe(SCRIPT);

    // What Chromium asks for: Brotli, which the middleware prefers.
    const brotli = await rawGet(`${base}/ui/page/v1/page.js`, { 'Accept-Encoding': 'gzip, deflate, br, zstd' });
    expect(brotli.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(brotli.body).toString()).toBe(SCRIPT);

    const plain = await rawGet(`${base}/ui/page/v1/page.js`);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(SCRIPT);
  });

  it('leaves the API uncompressed', async () => {
    const answer = await rawGet(`${base}/api/v2/large`, { 'Accept-Encoding': 'gzip' });
    expect(answer.status).toBe(200);
    expect(answer.headers['content-encoding']).toBeUndefined();
    expect(answer.body.length).toBeGreaterThan(4_000);
  });

  it('redirects the folder without its slash, keeping the query (relative assets need it)', async () => {
    const answer = await fetch(`${base}/ui/page/v1?debug=JsSIP:*`, { redirect: 'manual' });
    expect(answer.status).toBe(301);
    expect(answer.headers.get('location')).toBe('v1/?debug=JsSIP:*');
  });

  it('leaves unknown files and other methods to the app (404 there)', async () => {
    expect((await fetch(`${base}/ui/page/v1/missing.js`)).status).toBe(404);
    expect((await fetch(`${base}/ui/page/v1/`, { method: 'POST' })).status).toBe(404);
  });

  it('finds the built pages under dist/ from the sources', () => {
    expect(builtUiDir('ui/ad/v1')).toBe(join(__dirname, '../../../../dist/ui/ad/v1'));
  });
});

describe('uiContentSecurityPolicy', () => {
  it('allows the page its own scripts and styles and any WebSocket (the SIP gateway), nothing inline', () => {
    const csp = uiContentSecurityPolicy().split('; ');
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self'");
    expect(csp).toContain("connect-src 'self' wss: ws:");
    expect(csp).toContain("frame-ancestors 'self'");
    expect(csp.join(' ')).not.toContain('unsafe-inline');
  });

  it('adds a page’s own directives', () => {
    expect(uiContentSecurityPolicy(["worker-src 'self' blob:"]).split('; ')).toContain("worker-src 'self' blob:");
  });
});
