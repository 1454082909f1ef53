import { checkHost, checkPort, checkPortRange, checkToken } from './checks';
import { enableMarkedLines, fillTemplate, readGatewayTemplate } from './template';

/** deploy/gateway/turnserver.conf.template's values. */
export interface TurnserverConfigOptions {
  readonly listenIp: string;
  readonly port: number;
  readonly relayIp: string;
  readonly relayPortMin: number;
  readonly relayPortMax: number;
  /** The TURN REST API shared secret, the same GWS mints credentials with. */
  readonly secret: string;
  readonly realm: string;
  /** coturn's own database file goes here. */
  readonly runDir: string;
  /** Relay to loopback peers: tests on loopback only (rtpengine is the peer there). */
  readonly allowLoopbackPeers?: boolean;
}

export function renderTurnserverConfig(
  options: TurnserverConfigOptions,
  template: string = readGatewayTemplate('turnserver.conf'),
): string {
  checkPortRange('TURN relay ports', options.relayPortMin, options.relayPortMax);
  const text = options.allowLoopbackPeers === true ? enableMarkedLines(template, 'loopback-peers') : template;
  return fillTemplate(text, {
    TURN_LISTEN_IP: checkHost('listenIp', options.listenIp),
    TURN_PORT: checkPort('port', options.port),
    TURN_RELAY_IP: checkHost('relayIp', options.relayIp),
    TURN_RELAY_PORT_MIN: options.relayPortMin,
    TURN_RELAY_PORT_MAX: options.relayPortMax,
    TURN_SECRET: checkToken('secret', options.secret),
    TURN_REALM: checkHost('realm', options.realm),
    GATEWAY_RUN_DIR: checkToken('runDir', options.runDir),
  });
}
