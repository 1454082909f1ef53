import { asObject, asString, optionalString, stringList } from './json';

/** An agent state as GWS names it (`userState` of devices and channels). */
export interface UserState {
  readonly id: string;
  readonly state: string;
  readonly displayName: string;
  readonly workMode: string | undefined;
  readonly reason: string | undefined;
}

/** The agent's phone as GWS describes it (`GET /api/v2/me/devices`, DeviceStateChangeMessage). */
export interface Device {
  readonly id: string;
  readonly phoneNumber: string;
  readonly deviceState: string;
  readonly userState: UserState;
  readonly doNotDisturb: boolean;
  readonly forwardTo: string | undefined;
  readonly capabilities: readonly string[];
}

export function parseUserState(value: unknown): UserState {
  const state = asObject(value);
  return {
    id: asString(state['id']),
    state: asString(state['state'], 'Unknown'),
    displayName: asString(state['displayName'], asString(state['state'], 'Unknown')),
    workMode: optionalString(state['workMode']),
    reason: optionalString(state['reason']),
  };
}

export function parseDevice(value: unknown): Device | undefined {
  const device = asObject(value);
  const id = optionalString(device['id']);
  if (id === undefined) return undefined;
  return {
    id,
    phoneNumber: asString(device['phoneNumber']),
    deviceState: asString(device['deviceState'], 'Inactive'),
    userState: parseUserState(device['userState']),
    doNotDisturb: device['doNotDisturb'] === 'On',
    forwardTo: optionalString(device['forwardTo']),
    capabilities: stringList(device['capabilities']),
  };
}

/** Two user states are the same state (the time in state restarts only when this is false). */
export function sameUserState(a: UserState, b: UserState): boolean {
  return a.id === b.id && a.state === b.state && a.workMode === b.workMode && a.reason === b.reason;
}

/** What the agent reads for a state: GWS's display name, "After Call Work" for its work mode. */
export function stateLabel(state: UserState): string {
  if (state.workMode === 'AfterCallWork') return 'After Call Work';
  if (state.workMode === 'AuxWork') return state.reason === undefined ? 'Aux Work' : `Aux Work: ${state.reason}`;
  if (state.state === 'NotReady' && state.reason !== undefined) return `Not Ready: ${state.reason}`;
  if (state.state === 'NotReady') return 'Not Ready';
  if (state.state === 'LoggedOut') return 'Logged Out';
  return state.displayName || state.state;
}
