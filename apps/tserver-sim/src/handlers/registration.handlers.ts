import { readTMessage, RegisterMode, ServerRole, TErrorCode, type EnumValue } from '@gws/tlib';
import { addpPollIntervalMs, ADDP_LOCAL_TIMEOUT_KEY } from '../link/addp-options';
import { linkStateEvent } from '../link/link-state';
import type { HandlerTable, RequestContext } from '../link/request-context';
import { dnStatusExtensions } from '../switch/dn-status';
import { TServerError } from '../switch/tserver-error';

function serverInfo(ctx: RequestContext): void {
  ctx.reply('EventServerInfo', {
    ServerRole: ctx.session.role === 'primary' ? ServerRole.Primary : ServerRole.Backup,
    ServerVersion: ctx.state.serverVersion,
  });
}

const REGISTER_MODES: ReadonlySet<number> = new Set(Object.values(RegisterMode));

function isRegisterMode(value: number): value is EnumValue<typeof RegisterMode> {
  return REGISTER_MODES.has(value);
}

/**
 * Session and DN registration. Every RegisterMode is recorded (a new registration replaces the mode) and none
 * changes what the client receives or may request: events reach every registrant, control requests are served
 * for any registration (inferred: the T-Server documentation does not say what it refuses in ModeMonitor).
 */
export const registrationHandlers: HandlerTable = {
  RequestRegisterClient: {
    scope: 'session',
    handle(ctx) {
      const { attributes } = readTMessage(ctx.request, 'RequestRegisterClient');
      if (attributes.ProtocolVersion !== ctx.state.protocolVersion) {
        throw new TServerError(
          TErrorCode.ProtocolVersion,
          `protocol version '${attributes.ProtocolVersion}' is not supported; this server speaks '${ctx.state.protocolVersion}'`,
        );
      }
      const pollMs = addpPollIntervalMs(attributes.Extensions);
      addpPollIntervalMs(attributes.Extensions, ADDP_LOCAL_TIMEOUT_KEY);
      ctx.session.register(attributes.ApplicationName);
      if (pollMs !== undefined) ctx.session.setAddpInterval(pollMs);
      serverInfo(ctx);
      ctx.notify(linkStateEvent(ctx.state.linkUp), {});
    },
  },
  RequestQueryServer: { scope: 'session', handle: serverInfo },
  RequestRegisterAddress: {
    scope: 'registration',
    handle(ctx) {
      const { attributes } = readTMessage(ctx.request, 'RequestRegisterAddress');
      ctx.model.dns.require(attributes.ThisDN);
      if (!isRegisterMode(attributes.RegisterMode)) {
        throw new TServerError(TErrorCode.InvalidAttribute, `RegisterMode ${attributes.RegisterMode} is unknown`);
      }
      ctx.session.registeredDns.set(attributes.ThisDN, attributes.RegisterMode);
      ctx.reply('EventRegistered', {
        ThisDN: attributes.ThisDN,
        AddressType: attributes.AddressType,
        Extensions: dnStatusExtensions(ctx.model, attributes.ThisDN),
      });
    },
  },
  RequestUnregisterAddress: {
    scope: 'registration',
    handle(ctx) {
      const { attributes } = readTMessage(ctx.request, 'RequestUnregisterAddress');
      ctx.model.dns.require(attributes.ThisDN);
      if (!ctx.session.registeredDns.delete(attributes.ThisDN)) {
        throw new TServerError(TErrorCode.NotRegistered, `DN ${attributes.ThisDN} is not registered by this client`);
      }
      ctx.reply('EventUnregistered', { ThisDN: attributes.ThisDN });
    },
  },
};
