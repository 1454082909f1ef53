import { join } from 'node:path';
import { checkToken, parseHostPort } from './checks';
import { fillTemplate, readGatewayTemplate } from './template';

/** deploy/gateway/nginx-wss.conf.template's values. */
export interface WssSiteOptions {
  /** What nginx listens on for TLS: a port, or address:port. */
  readonly listen: string;
  /** Kamailio's plain WebSocket, host:port. */
  readonly upstream: string;
  readonly certFile: string;
  readonly keyFile: string;
}

/** A private nginx's own files go under `prefix`; `root`: nginx runs as root (its workers then too). */
export interface PrivateWssNginxOptions extends WssSiteOptions {
  readonly prefix: string;
  readonly root: boolean;
}

const LISTEN = /^(([\w.-]+|\[[0-9a-fA-F:.]+\]):)?\d{1,5}$/;

/** The WSS site (an http-context block). */
export function renderWssSite(
  options: WssSiteOptions,
  template: string = readGatewayTemplate('nginx-wss.conf'),
): string {
  if (!LISTEN.test(options.listen)) throw new Error(`listen: expected port or address:port, got "${options.listen}"`);
  const upstream = parseHostPort('upstream', options.upstream);
  return fillTemplate(template, {
    GATEWAY_WSS_LISTEN: options.listen,
    GATEWAY_WS_UPSTREAM: `${upstream.host}:${upstream.port}`,
    GATEWAY_TLS_CERT: checkToken('certFile', options.certFile),
    GATEWAY_TLS_KEY: checkToken('keyFile', options.keyFile),
  });
}

/** A complete nginx.conf around the WSS site, writing only under `prefix` (run: nginx -p prefix -c file). */
export function renderPrivateWssNginxConfig(options: PrivateWssNginxOptions): string {
  const path = (name: string): string => join(options.prefix, name);
  const site = renderWssSite(options)
    .split('\n')
    .map((line) => (line.length > 0 ? `    ${line}` : line))
    .join('\n');
  return `# Private nginx for the gateway's WSS, rendered by libs/gateway/src/nginx-wss-config.ts.
${options.root ? 'user root;\n' : ''}worker_processes 1;
pid ${path('nginx.pid')};
error_log ${path('error.log')} info;

events {
    worker_connections 1024;
}

http {
    access_log ${path('access.log')};
    client_body_temp_path ${path('client_body')};
    proxy_temp_path ${path('proxy')};
    fastcgi_temp_path ${path('fastcgi')};
    uwsgi_temp_path ${path('uwsgi')};
    scgi_temp_path ${path('scgi')};

${site}}
`;
}
