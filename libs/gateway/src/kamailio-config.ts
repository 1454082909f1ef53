import { checkDnPattern, checkHost, checkPort, checkSeconds, checkToken, parseHostPort } from './checks';
import { GATEWAY_DEFAULTS } from './gateway-defaults';
import { fillTemplate, readGatewayTemplate } from './template';

/** deploy/gateway/kamailio.cfg.template's values. */
export interface KamailioConfigOptions {
  /** SIP (UDP and TCP, toward the SIP Server) and WebSocket listen address: an IP or an interface name. */
  readonly listenHost: string;
  readonly sipPort: number;
  /** Plain WebSocket; browsers reach it as WSS through nginx. */
  readonly wsPort: number;
  /** The management HTTP port (`/RPC`, `/dn/<dn>/unregister`): a loopback or internal address only. */
  readonly mgmtHost: string;
  readonly mgmtPort: number;
  /** Kamailio's control sockets (ctl, JSON-RPC FIFO and datagram). */
  readonly runDir: string;
  /** The shared DN map: `redis://[:password@]host:port[/db]`. */
  readonly redisUrl: string;
  /** The SIP Server (the T-Server simulator's SIP side) as host:port: where browsers' out-of-dialog requests go. */
  readonly sipServer: string;
  /** rtpengine's ng control address, host:port (UDP). */
  readonly rtpengineNg: string;
  readonly sipDomain?: string;
  /** GWS's Redis key prefix (default `gws:`). */
  readonly dnMapPrefix?: string;
  /** Agent DNs, anchored (`^...$`); POSIX ERE without backslashes. Default `^5[0-9]{3}$`. */
  readonly dnPattern?: string | RegExp;
  readonly usrlocTimerSeconds?: number;
  readonly wsRemoveDelaySeconds?: number;
}

/** The Kamailio configuration: WebSocket registrar for agent DNs with the DN map in Redis. */
export function renderKamailioConfig(
  options: KamailioConfigOptions,
  template: string = readGatewayTemplate('kamailio.cfg'),
): string {
  const sipServer = parseHostPort('sipServer', options.sipServer);
  const rtpengine = parseHostPort('rtpengineNg', options.rtpengineNg);
  return fillTemplate(template, {
    GATEWAY_SIP_DOMAIN: checkHost('sipDomain', options.sipDomain ?? GATEWAY_DEFAULTS.sipDomain),
    GATEWAY_LISTEN_HOST: checkHost('listenHost', options.listenHost),
    GATEWAY_SIP_PORT: checkPort('sipPort', options.sipPort),
    GATEWAY_WS_PORT: checkPort('wsPort', options.wsPort),
    GATEWAY_MGMT_HOST: checkHost('mgmtHost', options.mgmtHost),
    GATEWAY_MGMT_PORT: checkPort('mgmtPort', options.mgmtPort),
    GATEWAY_RUN_DIR: checkToken('runDir', options.runDir),
    GATEWAY_REDIS_SERVER: ndbRedisServer(options.redisUrl),
    REDIS_PREFIX: checkToken('dnMapPrefix', options.dnMapPrefix ?? GATEWAY_DEFAULTS.dnMapPrefix, /^[A-Za-z0-9:._-]*$/),
    GATEWAY_DN_PATTERN: checkDnPattern(options.dnPattern ?? GATEWAY_DEFAULTS.dnPattern),
    GATEWAY_SIP_SERVER: `${sipServer.host}:${sipServer.port}`,
    RTPENGINE_NG: `${rtpengine.host}:${rtpengine.port}`,
    GATEWAY_USRLOC_TIMER: checkSeconds(
      'usrlocTimerSeconds',
      options.usrlocTimerSeconds ?? GATEWAY_DEFAULTS.usrlocTimerSeconds,
    ),
    GATEWAY_WS_RM_DELAY: checkSeconds(
      'wsRemoveDelaySeconds',
      options.wsRemoveDelaySeconds ?? GATEWAY_DEFAULTS.wsRemoveDelaySeconds,
    ),
  });
}

/** ndb_redis's `server` attributes from a Redis URL: `addr=...;port=...;db=...[;pass=...]`. */
export function ndbRedisServer(redisUrl: string): string {
  const url = new URL(redisUrl);
  if (url.protocol !== 'redis:') throw new Error(`redisUrl: only redis:// is supported, got "${url.protocol}"`);
  const host = checkHost('redisUrl host', url.hostname);
  const port = checkPort('redisUrl port', url.port === '' ? 6379 : Number(url.port));
  const db = url.pathname.length > 1 ? url.pathname.slice(1) : '0';
  if (!/^\d+$/.test(db)) throw new Error(`redisUrl: not a database number: "${db}"`);
  const password = decodeURIComponent(url.password);
  const pass = password === '' ? '' : `;pass=${checkToken('redisUrl password', password)}`;
  return `addr=${host};port=${port};db=${db}${pass}`;
}
