/**
 * An agent's state on one DN as T-Server last reported it. `reasonCode` is the not-ready reason code (an action
 * code's `code`), when one was given.
 */
export type AgentState =
  | { readonly state: 'LoggedOut' }
  | { readonly state: 'Ready' }
  | { readonly state: 'NotReady'; readonly workMode?: 'AuxWork' | 'AfterCallWork'; readonly reasonCode?: string };

export const LOGGED_OUT: AgentState = { state: 'LoggedOut' };
