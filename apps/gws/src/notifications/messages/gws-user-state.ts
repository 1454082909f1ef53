/** `userState` of a device or channel (gws-api-v2.md 3.2). */
export interface GwsUserState {
  id: string;
  displayName: string;
  state: 'Ready' | 'NotReady' | 'LoggedOut' | 'Unknown';
  /** Only when set. */
  workMode?: 'AuxWork' | 'AfterCallWork' | 'AutoIn' | 'ManualIn';
  /** Not-ready reason, e.g. `"Lunch"`. */
  reason?: string;
}
