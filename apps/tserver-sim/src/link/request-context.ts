import type { TAttributes, TMessage, TMessageName } from '@gws/tlib';
import type { SwitchModel } from '../switch/switch-model';
import type { ClientSession } from './client-session';
import type { EventFanout } from './event-fanout';

/** Simulator-wide state a handler may read. */
export interface SimulatorState {
  readonly linkUp: boolean;
  readonly protocolVersion: string;
  readonly serverVersion: string;
}

export interface RequestContext {
  readonly session: ClientSession;
  readonly request: TMessage;
  readonly model: SwitchModel;
  readonly fanout: EventFanout;
  readonly state: SimulatorState;
  /** Sends the direct reply (it carries the request's ReferenceID); switch events need no call to this. */
  reply(name: TMessageName, attributes: TAttributes): void;
  /** Sends an unsolicited event to this client only (link state after registration). */
  notify(name: TMessageName, attributes: TAttributes): void;
}

/**
 * Where a request may run: `session` always, `registration` also on a backup and while the CTI link is down,
 * `query` needs a known ThisDN, `switch` a ThisDN this client registered, a primary role and the CTI link up.
 */
export type RequestScope = 'session' | 'registration' | 'query' | 'switch';

export interface RequestHandler {
  readonly scope: RequestScope;
  readonly handle: (ctx: RequestContext) => void;
}

export type HandlerTable = Partial<Record<TMessageName, RequestHandler>>;
