import { checkPortRange, checkToken, parseHostPort } from './checks';
import { fillTemplate, readGatewayTemplate } from './template';

/** deploy/gateway/rtpengine.conf.template's values. */
export interface RtpengineConfigOptions {
  /** The media address: an IP or interface name, optionally `!<advertised address>` (NAT). */
  readonly interface: string;
  /** The ng control socket, host:port (UDP). */
  readonly ngListen: string;
  readonly portMin: number;
  readonly portMax: number;
}

export function renderRtpengineConfig(
  options: RtpengineConfigOptions,
  template: string = readGatewayTemplate('rtpengine.conf'),
): string {
  const ng = parseHostPort('ngListen', options.ngListen);
  checkPortRange('rtpengine media ports', options.portMin, options.portMax);
  return fillTemplate(template, {
    RTPENGINE_INTERFACE: checkToken('interface', options.interface, /^[A-Za-z0-9._:/!-]+$/),
    RTPENGINE_NG_LISTEN: `${ng.host}:${ng.port}`,
    RTPENGINE_PORT_MIN: options.portMin,
    RTPENGINE_PORT_MAX: options.portMax,
  });
}
