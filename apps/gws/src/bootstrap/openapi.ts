import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { GWS_VERSION } from '../diagnostics/version';

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
    .build();
  return SwaggerModule.createDocument(app, config);
}

/** Serves the explorer at /api/v2/docs and the JSON at /api/v2/docs-json. */
export function serveOpenApi(app: INestApplication): void {
  SwaggerModule.setup(OPENAPI_PATH, app, () => openApiDocument(app), { jsonDocumentUrl: `${OPENAPI_PATH}-json` });
}
