import { AgentWorkMode, type KVInput, type TMessage } from '@gws/tlib';
import type { ClassConstructor } from 'class-transformer';
import {
  commandTable,
  dtosOf,
  noParams,
  v2Operations,
  type Command,
  type CommandSpec,
} from '../common/operations/command';
import type { OperationContext } from '../common/operations/operation-context';
import { operation, OperationTable, type OperationDefinition } from '../common/operations/operation-table';
import type { AgentStateService } from './agent-state.service';
import {
  AfterCallWorkDto,
  AuxWorkDto,
  CustomAgentStateDto,
  NotReadyDto,
  ReadyDto,
} from './dto/agent-state-operations.dto';
import type { NotReadyReasonsService } from './not-ready-reasons.service';
import type { TServerRequests } from './tserver-requests';

/** The DN the agent is logged in on, and how a not-ready reason given by code or name becomes T-Server's Reasons. */
export interface AgentStateTarget {
  readonly dn: string;
  /**
   * `{ReasonCode: <code>}` for a reason given by its code or its name, undefined when none is given; an unknown one
   * is refused (GwsException, statusCode 10, naming the allowed ones).
   */
  readonly reasons: (codeOrName: string | undefined) => Promise<KVInput | undefined>;
}

/**
 * One agent-state operation (docs/operations.md): `plan` resolves what its request needs, refusing what cannot be
 * sent, and returns the sending of the request.
 */
export interface AgentStateOperation<P = unknown, D extends object = object> extends Command<P, D> {
  plan(params: P, target: AgentStateTarget): Promise<(tserver: TServerRequests) => Promise<TMessage>>;
}

function agentStateOperation<D extends object, P>(spec: {
  readonly dto: ClassConstructor<D>;
  readonly params: (body: D) => P;
  readonly plan: (params: P, target: AgentStateTarget) => Promise<(tserver: TServerRequests) => Promise<TMessage>>;
}): CommandSpec<AgentStateOperation<P, D>> {
  return spec;
}

/**
 * `POST /api/v2/me/channels/voice` (and `/me`): Ready, NotReady, AfterCallWork, AuxWork (docs/api.md). The custom
 * states, one per not-ready reason, are NotReady with that reason (`agentStateTable`).
 */
export const AGENT_STATE_OPERATIONS = commandTable({
  Ready: agentStateOperation({
    dto: ReadyDto,
    params: noParams,
    plan: (_, { dn }) => Promise.resolve((tserver) => tserver.agent.ready(dn, AgentWorkMode.ManualIn)),
  }),
  NotReady: agentStateOperation({
    dto: NotReadyDto,
    params: (body) => ({ reasonCode: body.reasonCode }),
    plan: async ({ reasonCode }, { dn, reasons }) => {
      const reason = await reasons(reasonCode);
      return (tserver) => tserver.agent.notReady(dn, { reasons: reason });
    },
  }),
  AfterCallWork: agentStateOperation({
    dto: AfterCallWorkDto,
    params: (body) => ({ wrapUpTime: body.wrapUpTime }),
    plan: ({ wrapUpTime }, { dn }) =>
      Promise.resolve((tserver) =>
        tserver.agent.notReady(dn, {
          workMode: AgentWorkMode.AfterCallWork,
          extensions: wrapUpTime === undefined ? undefined : { WrapUpTime: wrapUpTime },
        }),
      ),
  }),
  AuxWork: agentStateOperation({
    dto: AuxWorkDto,
    params: (body) => ({ reasonCode: body.reasonCode }),
    plan: async ({ reasonCode }, { dn, reasons }) => {
      const reason = await reasons(reasonCode);
      return (tserver) => tserver.agent.notReady(dn, { workMode: AgentWorkMode.AuxWork, reasons: reason });
    },
  }),
});

/** The bodies `POST /me/channels/voice` takes: the operations', then any custom state's. */
export const AGENT_STATE_DTOS = [...dtosOf(AGENT_STATE_OPERATIONS), CustomAgentStateDto];

/**
 * The operation table of a resource taking agent states: the agent-state operations after `more` (the session
 * operations of `/me`), and a custom state for a name the table lacks that is a not-ready reason's.
 */
export function agentStateTable(
  resource: string,
  service: AgentStateService,
  reasons: NotReadyReasonsService,
  more: Record<string, OperationDefinition<OperationContext>> = {},
): OperationTable<OperationContext> {
  return new OperationTable<OperationContext>(
    resource,
    {
      ...more,
      ...v2Operations(AGENT_STATE_OPERATIONS, ({ principal }: OperationContext, command, params) =>
        service.change(principal, command, params),
      ),
    },
    async (name) => {
      const reason = await service.customState(name);
      if (reason === undefined) return undefined;
      return operation(CustomAgentStateDto, ({ principal }) =>
        service.change(principal, AGENT_STATE_OPERATIONS.NotReady, { reasonCode: reason.code }, name),
      );
    },
    async () => (await reasons.load()).all.map((reason) => reason.name),
  );
}
