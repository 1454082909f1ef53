import { DirectoryIndex, type ContactCenterDirectory } from '@gws/directory';
import type { LinkLogger } from '@gws/framed-link';
import { AgentTable } from './agents';
import { CallControl } from './call-control';
import { SwitchCallTable } from './calls';
import { CallIdGenerator } from './connid';
import { DnTable } from './dns';
import { EndpointCalls } from './endpoint-calls';
import { NO_ENDPOINTS, type SwitchEndpoints } from './endpoints';
import type { EventSink } from './event-sink';
import { Router } from './routing';
import type { SwitchContext, SwitchSettings } from './switch-context';
import { SwitchTimers } from './switch-timers';
import { Transfers } from './transfers';
import { UserDataOps } from './user-data';

export interface SwitchModelOptions {
  readonly directory: ContactCenterDirectory;
  readonly sink: EventSink;
  readonly settings: SwitchSettings;
  readonly logger: LinkLogger;
  readonly now: () => number;
  /** Phones some DNs ring (the SIP side); none by default. */
  readonly endpoints?: SwitchEndpoints;
}

/**
 * One SIP switch as T-Server sees it: DNs and their features, agents, calls, queues and routing points. Primary
 * and backup T-Server endpoints share one model (hot standby), so calls survive a switchover.
 */
export class SwitchModel {
  readonly ctx: SwitchContext;
  readonly dns: DnTable;
  readonly agents: AgentTable;
  readonly calls: SwitchCallTable;
  readonly control: CallControl;
  readonly router: Router;
  readonly transfers: Transfers;
  readonly userData: UserDataOps;
  readonly endpointCalls: EndpointCalls;

  constructor(options: SwitchModelOptions) {
    const endpoints = options.endpoints ?? NO_ENDPOINTS;
    const timers = new SwitchTimers(options.logger);
    this.ctx = {
      index: new DirectoryIndex(options.directory),
      sink: options.sink,
      timers,
      settings: options.settings,
      logger: options.logger,
      now: options.now,
    };
    this.dns = new DnTable(this.ctx);
    this.calls = new SwitchCallTable(new CallIdGenerator(options.now()));
    this.agents = new AgentTable(this.ctx, this.dns, {
      isFree: (dn) => this.calls.callsOn(dn).length === 0,
      agentAvailable: () => this.router.distribute(),
    });
    this.router = new Router(this.ctx, this.dns, this.calls, this.agents, endpoints, (call, number) =>
      this.control.dialExternal(call, number),
    );
    this.control = new CallControl(this.ctx, this.dns, this.calls, this.agents, this.router, endpoints);
    this.transfers = new Transfers(this.ctx, this.dns, this.calls, this.control, this.router);
    this.userData = new UserDataOps(this.ctx, this.calls);
    this.endpointCalls = new EndpointCalls(this.ctx, this.calls, this.agents, this.router, this.control);
    endpoints.attach(this.endpointCalls);
  }

  /** Stops every timer (answer delays, no-answer, after-call work). */
  close(): void {
    this.ctx.timers.clearAll();
  }
}
