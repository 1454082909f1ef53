import { Injectable } from '@nestjs/common';
import type { GwsTopic, GwsTopicMessage } from '../notifications';
import type { EventCause } from './event-cause';
import { UserNotifier } from './user-notifier';
import type { VoiceSession } from './voice-session';

/**
 * Where a voice session's notifications go: to the user's browsers (the event stream), or, while the session only
 * stands by for another node's (`session.standby`), into its outbox, to be announced if this node takes it over.
 */
@Injectable()
export class SessionNotifier {
  constructor(private readonly notifier: UserNotifier) {}

  /** Resolves once logged (sent) or held. */
  send<T extends GwsTopic>(
    session: VoiceSession,
    topic: T,
    data: GwsTopicMessage<T>,
    cause?: EventCause,
  ): Promise<unknown> {
    if (session.standby === undefined) return this.notifier.send(session.userId, topic, data, cause);
    session.standby.hold(topic, data, cause);
    return Promise.resolve();
  }
}
