import type { GwsUserState } from './gws-user-state';

/** Supervisor monitoring in progress on a device; present only while monitoring. */
export interface GwsSupervisorMonitoringState {
  state: 'ListenIn' | 'BargeIn' | 'Coach';
  mode: 'NextCall' | 'AllCalls';
  scope: 'Call';
  targetDeviceUri: string;
}

/**
 * A device as `GET /api/v2/me/devices` and `DeviceStateChangeMessage.devices[]` show it (gws-api-v2.md 3.2):
 * always a full snapshot, never a delta. The voice layer fills it.
 */
export interface GwsDevice {
  /** UUID with dashes. */
  id: string;
  deviceState: 'Active' | 'Inactive';
  userState: GwsUserState;
  /** The DN. */
  phoneNumber: string;
  e164Number: string;
  telephonyNetwork: 'Private' | 'Public';
  doNotDisturb: 'On' | 'Off';
  /** Present only while forwarding is on. */
  forwardTo?: string;
  voiceEnvironmentUri: string;
  /** Operations valid now, e.g. `DoNotDisturbOn`, `ForwardCallsOn`. */
  capabilities: string[];
  supervisorMonitoringState?: GwsSupervisorMonitoringState;
  type?: string;
  vendor?: string;
  model?: string;
  country?: { name: string; code: string; callingCode: string };
  location?: string;
  localNumber?: string;
  phoneNumberUri?: string;
}
