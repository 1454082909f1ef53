import { Injectable, Logger } from '@nestjs/common';
import { TServerRequestError, LinkDownError, RequestTimeoutError } from '@gws/tserver-client';
import { TErrorCode, errorText } from '@gws/tlib';
import { errorMessage, type GwsTopic } from '../notifications';
import { deviceView, voiceChannelView } from './model/device-view';
import { NotReadyReasonsService } from './not-ready-reasons.service';
import { UserNotifier } from './user-notifier';
import type { VoiceSession } from './voice-session';

/** Turns voice state changes and failed requests into the GWS messages an agent's browsers receive. */
@Injectable()
export class VoiceNotifications {
  private readonly logger = new Logger('VoiceNotifications');

  constructor(
    private readonly notifier: UserNotifier,
    private readonly reasons: NotReadyReasonsService,
  ) {}

  /** DeviceStateChangeMessage with the devices that changed, and the voice channel's state. */
  async devicesChanged(
    session: VoiceSession,
    dns: readonly string[] = [...session.devices.keys()],
    eventAt?: number,
  ): Promise<void> {
    const reasons = this.reasons.current;
    const devices = dns.flatMap((dn) => {
      const device = session.devices.get(dn);
      return device === undefined ? [] : [deviceView(device, reasons, session.urls)];
    });
    if (devices.length === 0) return;
    await this.notifier.send(
      session.userId,
      '/v2/me/devices',
      { messageType: 'DeviceStateChangeMessage', devices },
      eventAt,
    );
    await this.notifier.send(
      session.userId,
      '/v2/me/channels',
      {
        messageType: 'ChannelStateChangeMessageV2',
        channels: [voiceChannelView([...session.devices.values()], reasons)],
      },
      eventAt,
    );
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
