import type { GwsUserState } from '../../notifications';
import type { AgentState } from './agent-state';
import type { NotReadyReasons } from './not-ready-reasons';

/**
 * The ids GWS gives its built-in states (the same in every public sample). LoggedOut and Unknown have no public id;
 * ours are fixed values of the same shape (docs/api.md).
 */
export const SYSTEM_STATE_IDS = {
  Ready: '9430250E-0A1B-421F-B372-F29E69366DED',
  NotReady: '900D55CC-2BB0-431F-8BF9-D3525B383BE6',
  AfterCallWork: 'D3663509-3D82-4DD3-A82E-2EA8EFA02AEF',
  AuxWork: '2B36138D-C564-4562-A8CB-3C32D564F296',
  LoggedOut: '5B1C7E44-8F2B-4E0A-9D3F-6A1E2C4B7D10',
  Unknown: '0E5A3C2D-7B14-4F6E-8A9C-1D2E3F4A5B60',
} as const;

export function userStateView(agent: AgentState, reasons: NotReadyReasons): GwsUserState {
  switch (agent.state) {
    case 'Ready':
      return { id: SYSTEM_STATE_IDS.Ready, displayName: 'Ready', state: 'Ready' };
    case 'LoggedOut':
      return { id: SYSTEM_STATE_IDS.LoggedOut, displayName: 'Logged Out', state: 'LoggedOut' };
    case 'NotReady': {
      const reason = agent.reasonCode === undefined ? undefined : reasons.byReasonCode(agent.reasonCode);
      if (agent.workMode !== undefined) {
        return {
          id: SYSTEM_STATE_IDS[agent.workMode],
          displayName: agent.workMode,
          state: 'NotReady',
          workMode: agent.workMode,
          ...(reason === undefined ? {} : { reason: reason.name }),
        };
      }
      if (reason !== undefined) {
        return { id: reason.stateId, displayName: reason.name, state: 'NotReady', reason: reason.name };
      }
      return { id: SYSTEM_STATE_IDS.NotReady, displayName: 'Not Ready', state: 'NotReady' };
    }
  }
}
