import { type AgentWorkMode, KVList, tmessage, type EnumValue, type KVInput, type TMessage } from '@gws/tlib';
import type { RequestFn } from './request-fn';

export type WorkMode = EnumValue<typeof AgentWorkMode>;

export interface AgentLoginOptions {
  /** The login code (CfgAgentLogin loginCode). */
  readonly agentId: string;
  /** ACD queue to log in to. */
  readonly queue?: string;
  /** Sent as Password; never logged. */
  readonly password?: string;
  readonly workMode?: WorkMode;
}

export interface AgentNotReadyOptions {
  /** E.g. AuxWork or AfterCallWork. */
  readonly workMode?: WorkMode;
  /** Reasons KVList, e.g. `{ ReasonCode: '12' }` (Workspace convention). */
  readonly reasons?: KVInput;
  /** Extensions KVList, e.g. `{ WrapUpTime: '30' }` for after-call work. */
  readonly extensions?: KVInput;
}

/** Agent state requests on a DN. Each resolves with its direct reply (EventAgentLogin, ...). */
export class AgentRequests {
  constructor(private readonly request: RequestFn) {}

  login(dn: string, options: AgentLoginOptions): Promise<TMessage> {
    return this.request(
      tmessage('RequestAgentLogin', {
        ThisDN: dn,
        AgentID: options.agentId,
        ...(options.queue !== undefined ? { ThisQueue: options.queue } : {}),
        ...(options.password !== undefined ? { Password: options.password } : {}),
        ...(options.workMode !== undefined ? { AgentWorkMode: options.workMode } : {}),
      }),
    );
  }

  logout(dn: string, queue?: string): Promise<TMessage> {
    return this.request(
      tmessage('RequestAgentLogout', { ThisDN: dn, ...(queue !== undefined ? { ThisQueue: queue } : {}) }),
    );
  }

  ready(dn: string, workMode?: WorkMode): Promise<TMessage> {
    return this.request(
      tmessage('RequestAgentReady', { ThisDN: dn, ...(workMode !== undefined ? { AgentWorkMode: workMode } : {}) }),
    );
  }

  notReady(dn: string, options: AgentNotReadyOptions = {}): Promise<TMessage> {
    return this.request(
      tmessage('RequestAgentNotReady', {
        ThisDN: dn,
        ...(options.workMode !== undefined ? { AgentWorkMode: options.workMode } : {}),
        ...(options.reasons !== undefined ? { Reasons: KVList.from(options.reasons) } : {}),
        ...(options.extensions !== undefined ? { Extensions: KVList.from(options.extensions) } : {}),
      }),
    );
  }
}
