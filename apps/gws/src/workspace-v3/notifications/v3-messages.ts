import type { KvPair } from '../common/kv-list';
import type { V3Call, V3Dn } from '../voice/v3-views';

/** The channels of the v3 endpoint (the library of 9.0.1 subscribes to these two). */
export const V3_CHANNELS = {
  initialization: '/workspace/v3/initialization',
  voice: '/workspace/v3/voice',
} as const;

export interface DnStateChanged {
  readonly messageType: 'DnStateChanged';
  readonly dn: V3Dn;
}

export interface CallStateChanged {
  readonly messageType: 'CallStateChanged';
  readonly notificationType: string;
  readonly call: V3Call;
}

/**
 * An operation accepted with status code 1 that T-Server then refused (or never answered). The library only logs
 * it; `operationName` (v3's) and `callId` say what failed.
 */
export interface EventError {
  readonly messageType: 'EventError';
  readonly error: { readonly errorCode: number; readonly errorMessage: string };
  readonly operationName: string;
  readonly callId?: string;
}

/** A T-Server user event distributed on the agent's DN by another client. */
export interface EventUserEvent {
  readonly messageType: 'EventUserEvent';
  readonly dn: string;
  readonly userData: KvPair[];
  readonly connId?: string;
}

export type VoiceMessage = DnStateChanged | CallStateChanged | EventError | EventUserEvent;

/** `/workspace/v3/initialization` (model of the library's `initialize()`: it waits for `state: Complete`). */
export type InitializationMessage =
  | {
      readonly messageType: 'WorkspaceInitializationProgress';
      readonly state: 'Executing';
      readonly progress: { readonly percentComplete: number };
    }
  | { readonly messageType: 'WorkspaceInitializationComplete'; readonly state: 'Complete'; readonly data: object }
  | { readonly messageType: 'WorkspaceInitializationFailed'; readonly state: 'Failed'; readonly error: string };

/** One message for the v3 endpoint. */
export type V3Message =
  | { readonly channel: typeof V3_CHANNELS.voice; readonly data: VoiceMessage }
  | { readonly channel: typeof V3_CHANNELS.initialization; readonly data: InitializationMessage };
