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
    SIP_DOMAIN: checkHost('sipDomain', options.sipDomain ?? GATEWAY_DEFAULTS.sipDomain),
    LISTEN_HOST: checkHost('listenHost', options.listenHost),
    SIP_PORT: checkPort('sipPort', options.sipPort),
    WS_PORT: checkPort('wsPort', options.wsPort),
    MGMT_HOST: checkHost('mgmtHost', options.mgmtHost),
    MGMT_PORT: checkPort('mgmtPort', options.mgmtPort),
    RUN_DIR: checkToken('runDir', options.runDir),
    REDIS_SERVER: ndbRedisServer(options.redisUrl),
    DNMAP_PREFIX: checkToken('dnMapPrefix', options.dnMapPrefix ?? GATEWAY_DEFAULTS.dnMapPrefix, /^[A-Za-z0-9:._-]*$/),
    DN_PATTERN: checkDnPattern(options.dnPattern ?? GATEWAY_DEFAULTS.dnPattern),
    SIP_SERVER: `sip:${sipServer.host}:${sipServer.port}`,
    RTPENGINE_NG: `udp:${rtpengine.host}:${rtpengine.port}`,
    USRLOC_TIMER: checkSeconds('usrlocTimerSeconds', options.usrlocTimerSeconds ?? GATEWAY_DEFAULTS.usrlocTimerSeconds),
    WS_RM_DELAY: checkSeconds(
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
