import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';

/** Where GWS serves the softphone page (issue 13; the agent desktop embeds it). */
export const SOFTPHONE_UI_PATH = '/ui/softphone';

/**
 * The built page (`npm run build:ui`, part of `npm run build`, writes `dist/ui/softphone`): from the sources (tsx,
 * jest) this module is apps/gws/src/ui/*.ts under the repository; built, it is dist/apps/gws/src/ui/*.js under dist.
 */
export function softphoneUiDir(): string {
  const root = resolve(__dirname, '../../../..');
  return __filename.endsWith('.js') ? join(root, 'ui/softphone') : join(root, 'dist/ui/softphone');
}

/**
 * The page's own files only, and WebSockets to the SIP gateway (its wss URI comes from /me/webrtc at run time, so
 * any ws/wss origin); media from the page's own streams. No inline script or style, no framing by other sites.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "media-src 'self' blob: mediastream:",
  "connect-src 'self' wss: ws:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'self'",
].join('; ');

/**
 * Serves the softphone page at /ui/softphone/ as static files, ahead of the API's routes and guards: nothing in it
 * is secret, and the page logs in through the API itself. Every file is revalidated (`no-cache`, with ETag and
 * Last-Modified), since the bundle's name does not change between builds. Without a build, 503 says how to make one.
 */
export function serveSoftphoneUi(app: NestExpressApplication, dir: string = softphoneUiDir()): void {
  app.use(SOFTPHONE_UI_PATH, (request: Request, response: Response, next: NextFunction) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return next();
    response.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    response.setHeader('X-Content-Type-Options', 'nosniff');
    response.setHeader('Referrer-Policy', 'no-referrer');
    response.setHeader('Permissions-Policy', 'microphone=(self), camera=(), geolocation=()');
    // serve-static keeps a Cache-Control already set (its own would be max-age=0).
    response.setHeader('Cache-Control', 'no-cache');
    const url = new URL(request.originalUrl, 'http://gws');
    if (!url.pathname.endsWith('/') && request.path === '/') {
      // The page's assets are relative to the folder: `/ui/softphone` -> `/ui/softphone/`, query kept (a relative
      // Location, so a reverse proxy's path prefix survives).
      response.redirect(301, `softphone/${url.search}`);
      return;
    }
    if (!existsSync(join(dir, 'index.html'))) {
      response
        .status(503)
        .type('text/plain')
        .send(`The softphone page is not built: run npm run build:ui (it writes ${dir}).\n`);
      return;
    }
    next();
  });
  app.useStaticAssets(dir, {
    prefix: SOFTPHONE_UI_PATH,
    index: 'index.html',
    redirect: false,
    fallthrough: true,
    dotfiles: 'ignore',
  });
}
