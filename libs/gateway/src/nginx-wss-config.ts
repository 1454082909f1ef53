import { checkToken, parseHostPort } from './checks';
import { privateNginxConfig } from './private-nginx';
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
  return privateNginxConfig(renderWssSite(options), {
    prefix: options.prefix,
    root: options.root,
    renderedBy: "Private nginx for the gateway's WSS, rendered by libs/gateway/src/nginx-wss-config.ts.",
    errorLogLevel: 'info',
    workerConnections: 1024,
  });
}
