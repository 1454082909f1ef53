import SwaggerParser from '@apidevtools/swagger-parser';
import type { OpenAPIV3 } from 'openapi-types';
import { version } from '../package.json';
import { CometdTestClient } from './support/cometd-test-client';
import { GwsRestAgent } from './support/gws-rest-agent';
import { startGwsTestPlatform, type GwsTestPlatform } from './support/gws-test-platform';

describe('GWS operability: health, metrics, OpenAPI', () => {
  let platform: GwsTestPlatform;

  beforeAll(async () => {
    platform = await startGwsTestPlatform();
  });
  afterAll(async () => platform.close());

  const get = (path: string): Promise<Response> => fetch(`${platform.baseUrl}${path}`);

  it('answers liveness and readiness without a session, and readiness follows the platform links', async () => {
    expect(await (await get('/health/live')).json()).toEqual({ status: 'ok' });
    const ready = await get('/health/ready');
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({
      status: 'ready',
      tserver: { status: 'connected', role: 'primary', endpoint: 'primary', switchLink: 'up' },
      confserv: { status: 'connected' },
      redis: { status: expect.stringMatching(/^(embedded|connected)$/) as unknown },
    });
    expect(await (await get('/api/v2/diagnostics/version')).json()).toEqual({ statusCode: 0, version });
  });

  it('counts operations and measures event-to-delivery latency', async () => {
    const agent = new GwsRestAgent(platform.baseUrl, 'agent2');
    await agent.login();
    const browser = new CometdTestClient({ port: platform.port, cookies: { JSESSIONID: agent.sessionId! } });
    try {
      await browser.handshake();
      await browser.connected();
      await agent.post('/api/v2/me', { operationName: 'StartContactCenterSession', channels: ['voice'] });
      await agent.post('/api/v2/me/channels/voice', { operationName: 'Dance' });
      await browser.nextMessage(
        '/v2/me/devices',
        (m) => (m.data as { devices: { userState: { state: string } }[] }).devices[0]?.userState.state === 'NotReady',
      );
      const text = await (await get('/metrics')).text();
      expect(text).toContain(
        'gws_operations_total{resource="/api/v2/me",operation="StartContactCenterSession",statusCode="0"} 1',
      );
      expect(text).toContain(
        'gws_operations_total{resource="/api/v2/me/channels/voice",operation="Dance",statusCode="10"} 1',
      );
      expect(text).toMatch(/gws_event_delivery_seconds_count [1-9]/);
      expect(text).toContain('gws_voice_sessions 1');
      expect(text).toContain('gws_cometd_sessions 1');
      expect(text).toContain('gws_platform_link_up{server="tserver"} 1');
      expect(text).toMatch(/gws_process_resident_memory_bytes \d+/);
      await agent.post('/api/v2/me', { operationName: 'EndContactCenterSession' });
    } finally {
      await browser.disconnect().catch(() => undefined);
    }
  });

  it('publishes an OpenAPI 3 document that validates and documents every operation', async () => {
    const document = (await (await get('/api/v2/docs-json')).json()) as OpenAPIV3.Document;
    await expect(SwaggerParser.validate(structuredClone(document) as never)).resolves.toBeDefined();
    expect(document.openapi).toMatch(/^3\./);
    for (const path of [
      '/api/v2/me',
      '/api/v2/me/channels',
      '/api/v2/me/channels/voice',
      '/api/v2/me/devices',
      '/api/v2/me/devices/{id}',
      '/api/v2/settings/agent-states',
      '/api/v2/settings/general-settings',
      '/api/v2/diagnostics/version',
    ]) {
      expect(Object.keys(document.paths)).toContain(path);
    }
    const schemas = document.components?.schemas ?? {};
    for (const dto of [
      'StartContactCenterSessionDto',
      'EndContactCenterSessionDto',
      'ReadyDto',
      'NotReadyDto',
      'AfterCallWorkDto',
      'AuxWorkDto',
      'DoNotDisturbOnDto',
      'ForwardCallsOnDto',
    ]) {
      expect(Object.keys(schemas)).toContain(dto);
    }
    const meBody = document.paths['/api/v2/me']?.post?.requestBody as OpenAPIV3.RequestBodyObject;
    const variants = (meBody.content['application/json']?.schema as OpenAPIV3.SchemaObject).oneOf ?? [];
    expect(variants.length).toBeGreaterThanOrEqual(6);
  });

  it('serves the explorer page', async () => {
    const page = await get('/api/v2/docs');
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('swagger-ui');
  });
});

describe('GWS cross-origin access (crossOriginSettings)', () => {
  let platform: GwsTestPlatform;
  beforeAll(async () => {
    platform = await startGwsTestPlatform({ env: { CORS_ALLOWED_ORIGINS: 'https://*.desk.example' } });
  });
  afterAll(async () => platform.close());

  async function preflight(path: string, origin: string): Promise<Response> {
    return fetch(`${platform.baseUrl}${path}`, {
      method: 'OPTIONS',
      headers: {
        Origin: origin,
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'X-CSRF-TOKEN',
      },
    });
  }

  it('answers preflights for allowed origins on REST and CometD alike, and nothing for others', async () => {
    for (const path of ['/api/v2/me', '/api/v2/notifications/handshake']) {
      const allowed = await preflight(path, 'https://agent.desk.example');
      expect(allowed.status).toBe(204);
      expect(allowed.headers.get('access-control-allow-origin')).toBe('https://agent.desk.example');
      expect(allowed.headers.get('access-control-allow-credentials')).toBe('true');
      expect(allowed.headers.get('access-control-allow-headers')).toContain('X-CSRF-TOKEN');
      const other = await preflight(path, 'https://evil.example');
      expect(other.headers.get('access-control-allow-origin')).toBeNull();
    }
    const get = await fetch(`${platform.baseUrl}/api/v2/diagnostics/version`, {
      headers: { Origin: 'https://agent.desk.example' },
    });
    expect(get.headers.get('access-control-expose-headers')).toContain('X-CSRF-TOKEN');
  });
});
