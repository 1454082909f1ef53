import { Injectable, Logger } from '@nestjs/common';
import { TServerRequestError, LinkDownError, RequestTimeoutError } from '@gws/tserver-client';
import { TErrorCode, errorText } from '@gws/tlib';
import { errorMessage, type GwsTopic } from '../notifications';
import { deviceView, voiceChannelView } from './model/device-view';
import { NotReadyReasonsService } from './not-ready-reasons.service';
import type { EventCause } from './event-cause';
import { SessionNotifier } from './session-notifier';
import { UserNotifier } from './user-notifier';
import type { VoiceSession } from './voice-session';

/** Turns voice state changes and failed requests into the GWS messages an agent's browsers receive. */
@Injectable()
export class VoiceNotifications {
  private readonly logger = new Logger('VoiceNotifications');
  /** The voice channel state each session's browsers were last sent (JSON of the channel view). */
  private readonly channelShown = new WeakMap<VoiceSession, string>();

  constructor(
    private readonly notifier: UserNotifier,
    private readonly sessionNotifier: SessionNotifier,
    private readonly reasons: NotReadyReasonsService,
  ) {}

  /**
   * DeviceStateChangeMessage with the devices that changed and, when the voice channel's state (agent state, DND)
   * differs from the last one this session's browsers were sent, ChannelStateChangeMessageV2: a device turning
   * Inactive and Active again around a T-Server link bounce is no channel change. Both are appended to the user's
   * event stream, in that order, before this returns its promise.
   */
  devicesChanged(
    session: VoiceSession,
    dns: readonly string[] = [...session.devices.keys()],
    cause?: EventCause,
  ): Promise<void> {
    return this.send(session, dns, cause, false);
  }

  /** Every device and the channel, changed or not: what a browser joining the session needs. */
  snapshot(session: VoiceSession): Promise<void> {
    return this.send(session, [...session.devices.keys()], undefined, true);
  }

  private async send(
    session: VoiceSession,
    dns: readonly string[],
    cause: EventCause | undefined,
    all: boolean,
  ): Promise<void> {
    const reasons = this.reasons.current;
    const devices = dns.flatMap((dn) => {
      const device = session.devices.get(dn);
      return device === undefined ? [] : [deviceView(device, reasons, session.urls)];
    });
    if (devices.length === 0) return;
    const channel = voiceChannelView([...session.devices.values()], reasons);
    const shown = JSON.stringify(channel);
    const channelChanged = all || this.channelShown.get(session) !== shown;
    this.channelShown.set(session, shown);
    const sending = [
      this.sessionNotifier.send(session, '/v2/me/devices', { messageType: 'DeviceStateChangeMessage', devices }, cause),
    ];
    if (channelChanged) {
      sending.push(
        this.sessionNotifier.send(
          session,
          '/v2/me/channels',
          { messageType: 'ChannelStateChangeMessageV2', channels: [channel] },
          cause,
        ),
      );
    }
    await Promise.all(sending);
  }

  /** An ErrorMessage for an operation GWS accepted but T-Server refused (or never answered). */
  async operationFailed(
    userId: string,
    topic: GwsTopic,
    operationName: string,
    resourceUri: string,
    error: unknown,
  ): Promise<void> {
    const { code, text } = describeFailure(error);
    this.logger.warn(`${operationName} for user ${userId} failed: ${code} ${text}`);
    await this.notifier.send(
      userId,
      topic,
      errorMessage({ errorCode: code, errorMessage: text, operationName, resourceUri }),
    );
  }
}

/** The T-Server error, or for a request T-Server never answered: 57 (timeout) or 54 (no link), documented. */
function describeFailure(error: unknown): { code: number; text: string } {
  if (error instanceof TServerRequestError) {
    return { code: error.errorCode, text: error.errorMessage || errorText(error.errorCode) };
  }
  if (error instanceof RequestTimeoutError) return { code: TErrorCode.Timeout, text: errorText(TErrorCode.Timeout) };
  if (error instanceof LinkDownError) {
    return { code: TErrorCode.NoSwitch, text: 'T-Server link lost before the request was answered' };
  }
  return { code: TErrorCode.UnknownError, text: error instanceof Error ? error.message : String(error) };
}
