import { operation, OperationTable, type OperationDefinition } from '../common/operations/operation-table';
import type { OperationContext } from '../common/operations/operation-context';
import { type AgentStateService } from './agent-state.service';
import {
  AfterCallWorkDto,
  AuxWorkDto,
  CustomAgentStateDto,
  NotReadyDto,
  ReadyDto,
} from './dto/agent-state-operations.dto';
import type { NotReadyReasonsService } from './not-ready-reasons.service';

export const AGENT_STATE_DTOS = [ReadyDto, NotReadyDto, AfterCallWorkDto, AuxWorkDto, CustomAgentStateDto];

/** Ready, NotReady, AfterCallWork, AuxWork, and one custom state per not-ready reason. */
export function agentStateOperations(
  service: AgentStateService,
): Record<string, OperationDefinition<OperationContext>> {
  return {
    Ready: operation(ReadyDto, ({ principal }) => service.change(principal, 'Ready', { kind: 'Ready' })),
    NotReady: operation(NotReadyDto, ({ principal }, dto: NotReadyDto) =>
      service.change(principal, 'NotReady', { kind: 'NotReady', reasonCode: dto.reasonCode }),
    ),
    AfterCallWork: operation(AfterCallWorkDto, ({ principal }, dto: AfterCallWorkDto) =>
      service.change(principal, 'AfterCallWork', { kind: 'AfterCallWork', wrapUpTime: dto.wrapUpTime }),
    ),
    AuxWork: operation(AuxWorkDto, ({ principal }, dto: AuxWorkDto) =>
      service.change(principal, 'AuxWork', { kind: 'AuxWork', reasonCode: dto.reasonCode }),
    ),
  };
}

export function agentStateTable(
  resource: string,
  service: AgentStateService,
  reasons: NotReadyReasonsService,
  more: Record<string, OperationDefinition<OperationContext>> = {},
): OperationTable<OperationContext> {
  return new OperationTable<OperationContext>(
    resource,
    { ...more, ...agentStateOperations(service) },
    async (name) => {
      const reason = await service.customState(name);
      if (reason === undefined) return undefined;
      return operation(CustomAgentStateDto, ({ principal }) =>
        service.change(principal, name, { kind: 'NotReady', reasonCode: reason.code }),
      );
    },
    async () => (await reasons.load()).all.map((reason) => reason.name),
  );
}
