import type { LinkLogger } from '@gws/framed-link';
import {
  errorText,
  messageSpec,
  missingAttributes,
  TErrorCode,
  type TAttributes,
  type TMessage,
  type TMessageName,
} from '@gws/tlib';
import type { SwitchModel } from '../switch/switch-model';
import { TServerError } from '../switch/tserver-error';
import type { ClientSession } from './client-session';
import type { EventFanout } from './event-fanout';
import type { HandlerTable, RequestContext, RequestHandler, SimulatorState } from './request-context';

export interface DispatcherDeps {
  readonly handlers: HandlerTable;
  readonly model: SwitchModel;
  readonly fanout: EventFanout;
  readonly state: SimulatorState;
  readonly logger: LinkLogger;
}

/**
 * Runs one request: checks (registered client, known request, mandatory attributes, role, CTI link, DN), then
 * its handler. A refusal becomes EventError with the request's ReferenceID; a request whose handling produced
 * no reply gets EventACK. Nothing a client sends can throw out of here.
 */
export class RequestDispatcher {
  constructor(private readonly deps: DispatcherDeps) {}

  dispatch(session: ClientSession, request: TMessage): void {
    const referenceId = request.attributes.ReferenceID;
    const dn = request.attributes.ThisDN;
    const { fanout } = this.deps;
    const echo: TAttributes = {
      ...(referenceId !== undefined ? { ReferenceID: referenceId } : {}),
      ...(dn !== undefined ? { ThisDN: dn } : {}),
    };
    try {
      const handler = this.check(session, request);
      const ctx: RequestContext = {
        session,
        request,
        model: this.deps.model,
        fanout,
        state: this.deps.state,
        reply: (name, attributes) => {
          fanout.markReplied();
          session.send({ name, attributes: { ...attributes, ...fanout.stamp(false), ...echo } });
        },
        notify: (name, attributes) => void session.send({ name, attributes: { ...attributes, ...fanout.stamp(true) } }),
      };
      const replied = fanout.serving(session, request, messageSpec(request.name)?.reply, () => handler.handle(ctx));
      if (!replied) session.send({ name: 'EventACK', attributes: { ...fanout.stamp(false), ...echo } });
    } catch (error) {
      const refusal = error instanceof TServerError ? error : this.internal(session, request.name, error);
      this.deps.logger.debug(
        { client: session.id, request: request.name, code: refusal.code, reason: refusal.message },
        'request refused',
      );
      session.send({
        name: 'EventError',
        attributes: { ErrorCode: refusal.code, ErrorMessage: refusal.message, ...fanout.stamp(false), ...echo },
      });
    }
  }

  private check(session: ClientSession, request: TMessage): RequestHandler {
    const name: TMessageName = request.name;
    const handler = name.startsWith('Request') ? this.deps.handlers[name] : undefined;
    if (handler === undefined) throw new TServerError(TErrorCode.UnsupportedOperation, `${name} is not supported`);
    if (!session.registered && name !== 'RequestRegisterClient') {
      throw new TServerError(TErrorCode.NotRegistered, `send RequestRegisterClient before ${name}`);
    }
    const missing = missingAttributes(request);
    if (missing.length > 0) {
      throw new TServerError(TErrorCode.InvalidAttribute, `${name} requires ${missing.join(', ')}`);
    }
    const { scope } = handler;
    if ((scope === 'query' || scope === 'switch') && session.role === 'backup') {
      throw new TServerError(TErrorCode.NoSwitch, `backup server: ${name} is served by the primary`);
    }
    if (scope === 'switch' && !this.deps.state.linkUp) {
      throw new TServerError(TErrorCode.NoSwitch, `CTI link to the switch is down: ${name} refused`);
    }
    const dn = request.attributes.ThisDN;
    if ((scope === 'query' || scope === 'switch') && dn !== undefined) {
      this.deps.model.dns.require(dn);
      if (scope === 'switch' && !session.registeredDns.has(dn)) {
        throw new TServerError(TErrorCode.NotRegistered, `DN ${dn} is not registered by this client`);
      }
    }
    return handler;
  }

  private internal(session: ClientSession, name: string, error: unknown): TServerError {
    this.deps.logger.error({ client: session.id, request: name, err: error }, 'request handler failed');
    const detail = error instanceof Error ? error.message : String(error);
    return new TServerError(TErrorCode.Internal, `${errorText(TErrorCode.Internal)}: ${detail}`);
  }
}
