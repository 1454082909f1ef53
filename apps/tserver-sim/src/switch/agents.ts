import { AgentWorkMode, TErrorCode, tmessage, type KVList, type TAttributes } from '@gws/tlib';
import type { DnTable } from './dns';
import type { SwitchContext } from './switch-context';
import type { TimerHandle } from './switch-timers';
import { TServerError } from './tserver-error';

export type AgentState = 'Ready' | 'NotReady';

/** An agent logged in on a DN. */
export interface AgentSession {
  readonly dn: string;
  readonly agentId: string;
  /** ThisQueue of the login; undefined = available to every queue of the switch (queue 8001 semantics). */
  readonly queue: string | undefined;
  /** Work mode asked for at login (ManualIn, AutoIn or Unknown); Ready events echo it. */
  readonly loginWorkMode: number;
  readonly wrapUpSeconds: number;
  state: AgentState;
  workMode: number;
  reasons: KVList | undefined;
  /** Since when the agent has been Ready with nothing to do: the longest idle gets the next queued call. */
  idleSince: number;
  afterCallWork: TimerHandle | undefined;
}

export interface LoginRequest {
  readonly dn: string;
  readonly agentId: string;
  readonly password?: string;
  readonly workMode?: number;
  readonly queue?: string;
  readonly reasons?: KVList;
}

export interface StateRequest {
  readonly workMode?: number;
  readonly reasons?: KVList;
}

export interface AgentHooks {
  /** No call on the DN: it can take a routed call. */
  isFree(dn: string): boolean;
  /** An agent became Ready: queued calls may now be distributed. */
  agentAvailable(): void;
}

const LOGIN_MODES: readonly number[] = [AgentWorkMode.Unknown, AgentWorkMode.ManualIn, AgentWorkMode.AutoIn];
const NOT_READY_MODES: readonly number[] = [
  AgentWorkMode.Unknown,
  AgentWorkMode.AfterCallWork,
  AgentWorkMode.AuxWork,
  AgentWorkMode.WalkAway,
  AgentWorkMode.NoCallDisconnect,
];

/** Agent logins per DN: login, logout, Ready / NotReady, automatic after-call work, longest-idle selection. */
export class AgentTable {
  private readonly byDn = new Map<string, AgentSession>();

  constructor(
    private readonly ctx: SwitchContext,
    private readonly dns: DnTable,
    private readonly hooks: AgentHooks,
  ) {}

  get(dn: string): AgentSession | undefined {
    return this.byDn.get(dn);
  }

  all(): AgentSession[] {
    return [...this.byDn.values()];
  }

  login(request: LoginRequest): void {
    const entry = this.dns.requireStation(request.dn);
    const login = this.ctx.index.loginByCode.get(request.agentId);
    if (login === undefined || login.switchDbid !== entry.switchDbid) {
      throw new TServerError(TErrorCode.SoftAgentInvalidId, `agent login ${request.agentId} is not configured`);
    }
    if (login.password !== undefined && login.password !== '' && request.password !== login.password) {
      throw new TServerError(TErrorCode.SoftAgentPasswordMismatch, `wrong password for agent login ${login.code}`);
    }
    const elsewhere = this.all().find((agent) => agent.agentId === request.agentId && agent.dn !== request.dn);
    if (elsewhere !== undefined) {
      throw new TServerError(
        TErrorCode.SoftAgentIdInUse,
        `agent ${request.agentId} is logged in on DN ${elsewhere.dn}`,
      );
    }
    const current = this.byDn.get(request.dn);
    if (current !== undefined) {
      throw new TServerError(
        TErrorCode.SoftAgentAlreadyLoggedIn,
        `agent ${current.agentId} is already logged in on DN ${request.dn}`,
      );
    }
    const workMode = request.workMode ?? AgentWorkMode.Unknown;
    if (!LOGIN_MODES.includes(workMode)) {
      throw new TServerError(TErrorCode.InvalidAttribute, `AgentWorkMode ${workMode} is not a login mode`);
    }
    if (request.queue !== undefined) this.requireQueue(request.queue, entry.switchDbid);
    const agent: AgentSession = {
      dn: request.dn,
      agentId: request.agentId,
      queue: request.queue,
      loginWorkMode: workMode,
      wrapUpSeconds: this.ctx.index.loginHolder.get(login.dbid)?.wrapUpTime ?? 0,
      state: 'NotReady',
      workMode: AgentWorkMode.Unknown,
      reasons: request.reasons,
      idleSince: this.ctx.now(),
      afterCallWork: undefined,
    };
    this.byDn.set(request.dn, agent);
    this.ctx.sink.publish(
      request.dn,
      tmessage('EventAgentLogin', { ...agentAttributes(agent), AgentWorkMode: workMode }),
    );
    if (workMode === AgentWorkMode.AutoIn) this.becomeReady(agent, workMode, undefined);
  }

  logout(dn: string): void {
    const agent = this.require(dn);
    this.ctx.timers.cancel(agent.afterCallWork);
    this.byDn.delete(dn);
    this.ctx.sink.publish(dn, tmessage('EventAgentLogout', agentAttributes(agent)));
  }

  ready(dn: string, request: StateRequest): void {
    const agent = this.require(dn);
    if (agent.state === 'Ready') throw new TServerError(TErrorCode.InSameState, `agent on DN ${dn} is already Ready`);
    this.becomeReady(agent, request.workMode ?? agent.loginWorkMode, request.reasons);
  }

  notReady(dn: string, request: StateRequest): void {
    const agent = this.require(dn);
    const workMode = request.workMode ?? AgentWorkMode.Unknown;
    if (!NOT_READY_MODES.includes(workMode)) {
      throw new TServerError(TErrorCode.InvalidAttribute, `AgentWorkMode ${workMode} is not a NotReady mode`);
    }
    const sameReasons =
      (agent.reasons === undefined && request.reasons === undefined) ||
      (agent.reasons !== undefined && request.reasons !== undefined && agent.reasons.equals(request.reasons));
    if (agent.state === 'NotReady' && agent.workMode === workMode && sameReasons) {
      throw new TServerError(TErrorCode.InSameState, `agent on DN ${dn} is already NotReady in that mode`);
    }
    this.becomeNotReady(agent, workMode, request.reasons);
  }

  /** A call left the DN. Ready agents whose login has a wrap-up time go to after-call work first. */
  callEnded(dn: string, answered: boolean): void {
    const agent = this.byDn.get(dn);
    if (agent === undefined || agent.state !== 'Ready' || !this.hooks.isFree(dn)) return;
    agent.idleSince = this.ctx.now();
    if (!answered || agent.wrapUpSeconds <= 0) return;
    this.becomeNotReady(agent, AgentWorkMode.AfterCallWork, undefined);
    agent.afterCallWork = this.ctx.timers.after(agent.wrapUpSeconds * 1000, `after-call work ${dn}`, () => {
      agent.afterCallWork = undefined;
      const switchEntry = this.ctx.index.switchByDbid.get(this.dns.require(dn).switchDbid);
      if (switchEntry?.afterCallWorkReturnsTo === 'NotReady') {
        this.becomeNotReady(agent, AgentWorkMode.AuxWork, undefined);
      } else {
        this.becomeReady(agent, agent.loginWorkMode, undefined);
      }
    });
  }

  /**
   * A call offered to the DN was not taken by its phone (unreachable, refused, never answered): a Ready agent there
   * goes NotReady, as SIP Server does with `agent-no-answer-action = notready`, so that calls go to other agents.
   */
  noAnswer(dn: string): void {
    const agent = this.byDn.get(dn);
    if (agent?.state === 'Ready') this.becomeNotReady(agent, AgentWorkMode.Unknown, undefined);
  }

  /** The Ready, free agent that has waited longest and may take calls from `queue`. */
  longestIdle(queue: string): AgentSession | undefined {
    const queueSwitch = this.dns.entry(queue)?.switchDbid;
    let best: AgentSession | undefined;
    for (const agent of this.byDn.values()) {
      if (agent.state !== 'Ready' || (agent.queue !== undefined && agent.queue !== queue)) continue;
      if (this.dns.entry(agent.dn)?.switchDbid !== queueSwitch) continue;
      if (this.dns.featuresOf(agent.dn).dnd || !this.hooks.isFree(agent.dn)) continue;
      if (best === undefined || agent.idleSince < best.idleSince) best = agent;
    }
    return best;
  }

  private becomeReady(agent: AgentSession, workMode: number, reasons: KVList | undefined): void {
    this.ctx.timers.cancel(agent.afterCallWork);
    agent.afterCallWork = undefined;
    agent.state = 'Ready';
    agent.workMode = workMode;
    agent.reasons = reasons;
    agent.idleSince = this.ctx.now();
    this.ctx.sink.publish(agent.dn, tmessage('EventAgentReady', agentAttributes(agent)));
    this.hooks.agentAvailable();
  }

  private becomeNotReady(agent: AgentSession, workMode: number, reasons: KVList | undefined): void {
    if (workMode !== AgentWorkMode.AfterCallWork) {
      this.ctx.timers.cancel(agent.afterCallWork);
      agent.afterCallWork = undefined;
    }
    agent.state = 'NotReady';
    agent.workMode = workMode;
    agent.reasons = reasons;
    this.ctx.sink.publish(agent.dn, tmessage('EventAgentNotReady', agentAttributes(agent)));
  }

  private require(dn: string): AgentSession {
    this.dns.requireStation(dn);
    const agent = this.byDn.get(dn);
    if (agent === undefined)
      throw new TServerError(TErrorCode.SoftAgentNotLoggedIn, `no agent is logged in on DN ${dn}`);
    return agent;
  }

  private requireQueue(queue: string, switchDbid: number): void {
    const entry = this.dns.require(queue);
    if ((entry.type !== 'ACDQueue' && entry.type !== 'VirtualQueue') || entry.switchDbid !== switchDbid) {
      throw new TServerError(TErrorCode.InvalidAttribute, `ThisQueue ${queue} is not an ACD queue of the DN's switch`);
    }
  }
}

/** What every agent event echoes: ThisDN, AgentID, AgentWorkMode, and ThisQueue and Reasons when set. */
export function agentAttributes(agent: AgentSession): TAttributes & { ThisDN: string } {
  return {
    ThisDN: agent.dn,
    AgentID: agent.agentId,
    AgentWorkMode: agent.workMode,
    ...(agent.queue !== undefined ? { ThisQueue: agent.queue } : {}),
    ...(agent.reasons !== undefined ? { Reasons: agent.reasons.clone() } : {}),
  };
}
