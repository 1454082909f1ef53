import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { GWS_VERSION } from '../diagnostics/version';
import { WORKSPACE_SESSION_COOKIE } from '../workspace-v3/auth/workspace-session-cookie';
import { WORKSPACE_V3_TAG } from '../workspace-v3/common/v3-openapi';

export const OPENAPI_PATH = 'api/v2/docs';

/** The OpenAPI 3 document of the API, built from the controllers and DTOs. */
export function openApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('open-gws: Genesys Web Services API v2 (voice)')
    .setDescription(
      'REST side of a GWS API v2 compatible server. Operations answer `{"statusCode":0}` once accepted; the ' +
        'outcome arrives as a CometD notification on `/api/v2/notifications` (see docs/notifications.md). ' +
        'Errors carry `statusCode` and `statusMessage` only (docs/api.md). Authenticate with HTTP Basic; the ' +
        'answer sets the JSESSIONID cookie, and any GET returns the CSRF token every POST must carry in X-CSRF-TOKEN.',
    )
    .setVersion(GWS_VERSION)
    .addBasicAuth()
    .addCookieAuth('JSESSIONID')
    .addApiKey({ type: 'apiKey', in: 'header', name: 'X-CSRF-TOKEN' }, 'csrf')
    .addSecurityRequirements('basic')
    .addBearerAuth()
    .addCookieAuth(WORKSPACE_SESSION_COOKIE, { type: 'apiKey', in: 'cookie' }, WORKSPACE_SESSION_COOKIE)
    .addTag(
      WORKSPACE_V3_TAG,
      "Genesys' Workspace API v3, as its client library genesys-workspace-client-js uses it " +
        '(docs/workspace-api-v3.md): a token from POST /auth/v3/oauth/token (password grant), then ' +
        'initialize-workspace with it as a bearer token, which sets WORKSPACE_SESSIONID for every other request ' +
        'and the CometD handshake at /workspace/v3/notifications. Answers `{"status":{"code":0|1}}`; errors ' +
        '`{"status":{"code","message"}}` with an HTTP error status.',
    )
    .build();
  return SwaggerModule.createDocument(app, config);
}

/** Serves the explorer at /api/v2/docs and the JSON at /api/v2/docs-json. */
export function serveOpenApi(app: INestApplication): void {
  SwaggerModule.setup(OPENAPI_PATH, app, () => openApiDocument(app), { jsonDocumentUrl: `${OPENAPI_PATH}-json` });
}
