import type { GwsNotification } from '../../notifications';
import { V3_CALL_OPERATIONS } from '../voice/v3-call-operations';
import { v3Call, v3Dn, v3NotificationType, type DnFacts } from '../voice/v3-views';
import type { VoiceMessage } from './v3-messages';

/** What a v2 message does not say and a v3 one does: from the state of the user's voice session on this node. */
export interface TranslationContext {
  dnFacts(dn: string): DnFacts;
  /** The ConnID of the user's call with this id, when known. */
  connIdOf(callId: string): string | undefined;
  now(): number;
}

/** v2 operation names (what ErrorMessage reports) as v3 names; the call operations from their table. */
const V3_NAME_OF: ReadonlyMap<string, string> = new Map([
  ...Object.entries(V3_CALL_OPERATIONS)
    .reverse()
    .map(([name, operation]): [string, string] => [operation.command.name, name]),
  ['Ready', 'ready'],
  ['NotReady', 'not-ready'],
  ['AfterCallWork', 'not-ready'],
  ['AuxWork', 'not-ready'],
  ['DoNotDisturbOn', 'dnd-on'],
  ['DoNotDisturbOff', 'dnd-off'],
  ['ForwardCallsOn', 'set-forward'],
  ['ForwardCallsOff', 'cancel-forward'],
  ['Dial', 'make-call'],
  ['SendUserEvent', 'send-user-event'],
  ['StartContactCenterSession', 'activate-channels'],
]);

/** The id at the end of a v2 call URI (`.../me/calls/{id}`), if it is one. */
function callIdOf(uri: string | undefined): string | undefined {
  const match = uri === undefined ? null : /\/me\/calls\/([^/]+)\/?$/.exec(uri);
  return match?.[1];
}

/**
 * The v3 messages (`/workspace/v3/voice`) of one v2 message of the user's event stream: v3 is a second shape of the
 * same events, not a second pipeline. A device change is a DnStateChanged per device, a call change a
 * CallStateChanged, an ErrorMessage an EventError; the channel message has no v3 counterpart (the DN carries the
 * agent state).
 */
export function translate(message: GwsNotification, context: TranslationContext): VoiceMessage[] {
  switch (message.messageType) {
    case 'DeviceStateChangeMessage':
      return message.devices.map((device) => ({
        messageType: 'DnStateChanged',
        dn: v3Dn(device, context.dnFacts(device.phoneNumber), context.now()),
      }));
    case 'CallStateChangeMessage': {
      const parentId = callIdOf(message.call.parentCallUri);
      const parentConnId = parentId === undefined ? undefined : context.connIdOf(parentId);
      return [
        {
          messageType: 'CallStateChanged',
          notificationType: v3NotificationType(message.notificationType),
          call: v3Call(message.call, message.phoneNumber, parentConnId, message.extensions),
        },
      ];
    }
    case 'ErrorMessage': {
      const callId = callIdOf(message.resourceUri);
      return [
        {
          messageType: 'EventError',
          error: { errorCode: message.errorCode, errorMessage: message.errorMessage },
          operationName: V3_NAME_OF.get(message.operationName) ?? message.operationName,
          ...(callId === undefined ? {} : { callId }),
        },
      ];
    }
    default:
      return [];
  }
}
