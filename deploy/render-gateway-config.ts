/**
 * Renders the SIP gateway's configs from deploy/gateway/*.template into a directory (docs/sip-gateway.md):
 * kamailio.cfg, rtpengine.conf, turnserver.conf and nginx-wss.conf (an http-context site). Every flag falls back to
 * the environment variable named after it (the templates' placeholders; GWS's own names where GWS has the setting),
 * then to the default shown.
 *
 *   TURN_SECRET=... tsx deploy/render-gateway-config.ts --out DIR --sip-server HOST:PORT [flags]
 *
 * then run each daemon in the foreground:
 *   kamailio -f DIR/kamailio.cfg -DD -E -m 64 -M 8 -P DIR/kamailio.pid
 *   rtpengine --config-file=DIR/rtpengine.conf --pidfile=DIR/rtpengine.pid
 *   turnserver -c DIR/turnserver.conf --pidfile DIR/turnserver.pid
 * and include DIR/nginx-wss.conf in nginx's http block.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
  GATEWAY_DEFAULTS,
  renderKamailioConfig,
  renderRtpengineConfig,
  renderTurnserverConfig,
  renderWssSite,
} from '../libs/gateway/src';

/** flag -> [environment variable, default]; no default: required. */
const SETTINGS = {
  out: ['GATEWAY_CONFIG_DIR', undefined],
  'sip-domain': ['GATEWAY_SIP_DOMAIN', GATEWAY_DEFAULTS.sipDomain],
  'listen-host': ['GATEWAY_LISTEN_HOST', '127.0.0.1'],
  'sip-port': ['GATEWAY_SIP_PORT', '5060'],
  'ws-port': ['GATEWAY_WS_PORT', '5066'],
  'mgmt-host': ['GATEWAY_MGMT_HOST', '127.0.0.1'],
  'mgmt-port': ['GATEWAY_MGMT_PORT', '5080'],
  'run-dir': ['GATEWAY_RUN_DIR', ''],
  'redis-url': ['REDIS_URL', 'redis://127.0.0.1:6379'],
  prefix: ['REDIS_PREFIX', GATEWAY_DEFAULTS.dnMapPrefix],
  'dn-pattern': ['GATEWAY_DN_PATTERN', GATEWAY_DEFAULTS.dnPattern],
  'sip-server': ['GATEWAY_SIP_SERVER', undefined],
  'usrloc-timer': ['GATEWAY_USRLOC_TIMER', String(GATEWAY_DEFAULTS.usrlocTimerSeconds)],
  'ws-rm-delay': ['GATEWAY_WS_RM_DELAY', String(GATEWAY_DEFAULTS.wsRemoveDelaySeconds)],
  'rtpengine-ng': ['RTPENGINE_NG', '127.0.0.1:22222'],
  'rtpengine-ng-listen': ['RTPENGINE_NG_LISTEN', ''],
  'rtpengine-interface': ['RTPENGINE_INTERFACE', '127.0.0.1'],
  'rtpengine-port-min': ['RTPENGINE_PORT_MIN', '30000'],
  'rtpengine-port-max': ['RTPENGINE_PORT_MAX', '30999'],
  'turn-listen-ip': ['TURN_LISTEN_IP', '127.0.0.1'],
  'turn-port': ['TURN_PORT', '3478'],
  'turn-relay-ip': ['TURN_RELAY_IP', ''],
  'turn-relay-port-min': ['TURN_RELAY_PORT_MIN', '31000'],
  'turn-relay-port-max': ['TURN_RELAY_PORT_MAX', '31999'],
  'turn-secret': ['TURN_SECRET', undefined],
  'turn-realm': ['TURN_REALM', ''],
  'wss-listen': ['GATEWAY_WSS_LISTEN', '8443'],
  'ws-upstream': ['GATEWAY_WS_UPSTREAM', ''],
  'tls-cert': ['GATEWAY_TLS_CERT', '/etc/nginx/tls/gateway.crt'],
  'tls-key': ['GATEWAY_TLS_KEY', '/etc/nginx/tls/gateway.key'],
} as const satisfies Record<string, readonly [string, string | undefined]>;

type Flag = keyof typeof SETTINGS;

function settings(argv: readonly string[], env: NodeJS.ProcessEnv): (flag: Flag) => string {
  const options = Object.fromEntries(Object.keys(SETTINGS).map((flag) => [flag, { type: 'string' as const }]));
  const { values } = parseArgs({ args: [...argv], options });
  return (flag) => {
    const [name, fallback] = SETTINGS[flag];
    const value = values[flag] ?? env[name] ?? fallback;
    if (value === undefined) throw new Error(`--${flag} (or ${name}) is required`);
    return value;
  };
}

/** The output directory and the four files, by name. */
export function renderGatewayConfigs(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
): { out: string; files: Map<string, string> } {
  const get = settings(argv, env);
  const out = resolve(get('out'));
  const runDir = get('run-dir') || out;
  const port = (flag: Flag): number => Number(get(flag));
  const sipDomain = get('sip-domain');
  const files = new Map([
    [
      'kamailio.cfg',
      renderKamailioConfig({
        listenHost: get('listen-host'),
        sipPort: port('sip-port'),
        wsPort: port('ws-port'),
        mgmtHost: get('mgmt-host'),
        mgmtPort: port('mgmt-port'),
        runDir,
        redisUrl: get('redis-url'),
        sipServer: get('sip-server'),
        rtpengineNg: get('rtpengine-ng'),
        sipDomain,
        dnMapPrefix: get('prefix'),
        dnPattern: get('dn-pattern'),
        usrlocTimerSeconds: port('usrloc-timer'),
        wsRemoveDelaySeconds: port('ws-rm-delay'),
      }),
    ],
    [
      'rtpengine.conf',
      renderRtpengineConfig({
        interface: get('rtpengine-interface'),
        ngListen: get('rtpengine-ng-listen') || get('rtpengine-ng'),
        portMin: port('rtpengine-port-min'),
        portMax: port('rtpengine-port-max'),
      }),
    ],
    [
      'turnserver.conf',
      renderTurnserverConfig({
        listenIp: get('turn-listen-ip'),
        port: port('turn-port'),
        relayIp: get('turn-relay-ip') || get('turn-listen-ip'),
        relayPortMin: port('turn-relay-port-min'),
        relayPortMax: port('turn-relay-port-max'),
        secret: get('turn-secret'),
        realm: get('turn-realm') || sipDomain,
        runDir,
      }),
    ],
    [
      'nginx-wss.conf',
      renderWssSite({
        listen: get('wss-listen'),
        upstream: get('ws-upstream') || `${get('listen-host')}:${get('ws-port')}`,
        certFile: get('tls-cert'),
        keyFile: get('tls-key'),
      }),
    ],
  ]);
  return { out, files };
}

/** turnserver.conf holds the TURN secret, kamailio.cfg the Redis password if there is one. */
const PRIVATE_FILES: ReadonlySet<string> = new Set(['turnserver.conf', 'kamailio.cfg']);

function main(): void {
  const { out, files } = renderGatewayConfigs(process.argv.slice(2), process.env);
  mkdirSync(out, { recursive: true });
  for (const [name, text] of files)
    writeFileSync(join(out, name), text, { mode: PRIVATE_FILES.has(name) ? 0o600 : 0o644 });
  process.stderr.write(`render-gateway-config: ${[...files.keys()].join(', ')} -> ${out}\n`);
}

if (require.main === module) {
  try {
    main();
  } catch (error: unknown) {
    process.stderr.write(`render-gateway-config: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
}
