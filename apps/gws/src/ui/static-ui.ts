import { existsSync } from 'node:fs';
import { join, posix, resolve } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import compression from 'compression';
import type { NextFunction, Request, Response } from 'express';

/** A browser page GWS serves as static files (the softphone, the agent desktop). */
export interface StaticUi {
  /** Where it is served, without the trailing slash, e.g. `/ui/ad/v1`. */
  readonly path: string;
  /** The built folder (its `index.html` is the page). */
  readonly dir: string;
  /** The Content-Security-Policy of every file (`uiContentSecurityPolicy`). */
  readonly csp: string;
  /** What the 503 names while the page is not built, e.g. "The agent desktop". */
  readonly name: string;
}

/**
 * The folder `npm run build:ui` writes a page to, e.g. `ui/ad/v1`: from the sources (tsx, jest) this module is
 * apps/gws/src/ui/*.ts under the repository, so the page is under dist/; built, it is dist/apps/gws/src/ui/*.js, so
 * the page is beside dist/apps.
 */
export function builtUiDir(folder: string): string {
  const root = resolve(__dirname, '../../../..');
  return __filename.endsWith('.js') ? join(root, folder) : join(root, 'dist', folder);
}

/**
 * What every page allows: its own files, REST and CometD on this origin, WebSockets to the SIP gateway (the wss URI
 * arrives at run time from /me/webrtc, so any ws/wss origin), media from the page's own streams. No inline script
 * or style, no framing by other sites. `extra` directives come before the rest (a page's additions).
 */
export function uiContentSecurityPolicy(extra: readonly string[] = []): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    ...extra,
    "style-src 'self'",
    "img-src 'self' data:",
    "media-src 'self' blob: mediastream:",
    "connect-src 'self' wss: ws:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'self'",
  ].join('; ');
}

/**
 * Serves `ui` as static files, ahead of the API's routes and guards: nothing in a page is secret, and it logs in
 * through the API itself. Every file is revalidated (`no-cache`, with ETag), since the bundles' names do not change
 * between builds, and sent compressed when the browser accepts it (Brotli at the middleware's quality 4, else
 * gzip). Compression is mounted on the page's path only: the API and CometD answers stay as they are (their latency
 * is benchmarked). Without a build, 503 says how to make one.
 */
export function serveStaticUi(app: NestExpressApplication, ui: StaticUi): void {
  const folder = posix.basename(ui.path);
  app.use(ui.path, (request: Request, response: Response, next: NextFunction) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return next();
    response.setHeader('Content-Security-Policy', ui.csp);
    response.setHeader('X-Content-Type-Options', 'nosniff');
    response.setHeader('Referrer-Policy', 'no-referrer');
    response.setHeader('Permissions-Policy', 'microphone=(self), camera=(), geolocation=()');
    // serve-static keeps a Cache-Control already set (its own would be max-age=0).
    response.setHeader('Cache-Control', 'no-cache');
    const url = new URL(request.originalUrl, 'http://gws');
    if (!url.pathname.endsWith('/') && request.path === '/') {
      // The page's assets are relative to its folder: `/ui/ad/v1` -> `/ui/ad/v1/`, query kept (a relative Location,
      // so a reverse proxy's path prefix survives).
      response.redirect(301, `${folder}/${url.search}`);
      return;
    }
    if (!existsSync(join(ui.dir, 'index.html'))) {
      response
        .status(503)
        .type('text/plain')
        .send(`${ui.name} is not built: run npm run build:ui (it writes ${ui.dir}).\n`);
      return;
    }
    next();
  });
  app.use(ui.path, compression());
  app.useStaticAssets(ui.dir, {
    prefix: ui.path,
    index: 'index.html',
    redirect: false,
    fallthrough: true,
    dotfiles: 'ignore',
  });
}
