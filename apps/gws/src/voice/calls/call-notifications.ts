import { Injectable } from '@nestjs/common';
import { causeOf, type EventCause } from '../event-cause';
import { SessionNotifier } from '../session-notifier';
import type { VoiceSession } from '../voice-session';
import type { CallChange } from './model/agent-call';
import { callView } from './model/call-view';

/**
 * CallStateChangeMessage on `/v2/me/calls` for each change, in order, each with the whole call, reporting `cause`,
 * or the change's own event when it has one (an event that waited for a re-sync). Every message is
 * appended to the user's event stream before this returns its promise, so the messages of one batch cannot
 * interleave with those of a later event.
 */
@Injectable()
export class CallNotifications {
  constructor(private readonly notifier: SessionNotifier) {}

  async callsChanged(session: VoiceSession, changes: readonly CallChange[], cause?: EventCause): Promise<void> {
    const sending = changes.flatMap(({ call, notificationType, event }) => {
      const device = session.devices.get(call.dn);
      if (device === undefined) return [];
      return [
        this.notifier.send(
          session,
          '/v2/me/calls',
          {
            messageType: 'CallStateChangeMessage',
            notificationType,
            call: callView(call, session.calls.onDn(call.dn), session.urls, device.id),
            phoneNumber: call.dn,
          },
          event === undefined ? cause : causeOf(event),
        ),
      ];
    });
    await Promise.all(sending);
  }
}
