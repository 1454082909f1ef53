import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';

/** Where GWS serves the agent desktop (issue 14; the product's architecture names this path). */
export const AGENT_DESKTOP_UI_PATH = '/ui/ad/v1';

/**
 * The built desktop (`apps/agent-desktop/build.ts`, run by `npm run build:ui`, writes `dist/ui/ad/v1`): from the
 * sources (tsx, jest) this module is apps/gws/src/ui/*.ts under the repository; built, dist/apps/gws/src/ui/*.js.
 */
export function agentDesktopUiDir(): string {
  const root = resolve(__dirname, '../../../..');
  return __filename.endsWith('.js') ? join(root, 'ui/ad/v1') : join(root, 'dist/ui/ad/v1');
}

/**
 * The page's own files, its REST and CometD calls to this origin, WebSockets to the SIP gateway of the embedded
 * softphone (its wss URI arrives at run time, so any ws/wss origin), media from the page's own streams and the
 * CometD client's timer Worker. No
 * inline script or style, no framing by other sites.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  // The CometD client runs its timers in a Worker made from a blob, which background tabs do not throttle.
  "worker-src 'self' blob:",
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
 * Serves the agent desktop at /ui/ad/v1/ as static files, ahead of the API's routes and guards: nothing in it is
 * secret, and the page logs in through the API itself. Every file is revalidated (`no-cache`, with ETag), since
 * the bundle's name does not change between builds; `desktop-config.json` (disposition codes, wrap-up) can be
 * replaced in place by a site. Without a build, 503 says how to make one.
 */
export function serveAgentDesktopUi(app: NestExpressApplication, dir: string = agentDesktopUiDir()): void {
  app.use(AGENT_DESKTOP_UI_PATH, (request: Request, response: Response, next: NextFunction) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return next();
    response.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    response.setHeader('X-Content-Type-Options', 'nosniff');
    response.setHeader('Referrer-Policy', 'no-referrer');
    response.setHeader('Permissions-Policy', 'microphone=(self), camera=(), geolocation=()');
    // serve-static keeps a Cache-Control already set (its own would be max-age=0).
    response.setHeader('Cache-Control', 'no-cache');
    const url = new URL(request.originalUrl, 'http://gws');
    if (!url.pathname.endsWith('/') && request.path === '/') {
      // The page's assets are relative to its folder: `/ui/ad/v1` -> `/ui/ad/v1/`, query kept (a relative Location,
      // so a reverse proxy's path prefix survives).
      response.redirect(301, `v1/${url.search}`);
      return;
    }
    if (!existsSync(join(dir, 'index.html'))) {
      response
        .status(503)
        .type('text/plain')
        .send(`The agent desktop is not built: run npm run build:ui (it writes ${dir}).\n`);
      return;
    }
    next();
  });
  app.useStaticAssets(dir, {
    prefix: AGENT_DESKTOP_UI_PATH,
    index: 'index.html',
    redirect: false,
    fallthrough: true,
    dotfiles: 'ignore',
  });
}
