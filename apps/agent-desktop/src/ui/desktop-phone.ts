import { checkMicrophone } from '../../../softphone/src/audio/audio-devices';
import { AgentApi } from '../../../softphone/src/gws/agent-api';
import type { GwsClient } from '../../../softphone/src/gws/gws-client';
import { GwsError } from '../../../softphone/src/gws/gws-error';
import { EventLog } from '../../../softphone/src/phone/event-log';
import { Preferences } from '../../../softphone/src/phone/preferences';
import { Softphone } from '../../../softphone/src/phone/softphone';
import { installSoftphoneHook } from '../../../softphone/src/phone/softphone-hook';
import { failureMessage } from '../../../softphone/src/ui/messages';
import { PhoneView } from '../../../softphone/src/ui/phone-view';

/**
 * The softphone of apps/softphone inside the desktop: it registers the session's DN at the SIP gateway and rings,
 * and GWS controls it (Answer on the desktop reaches it through T-Server and the SIP Server). Registration,
 * ringing, audio devices, mute and volume are its PhoneView; `window.softphone` is its diagnostics hook.
 */
export class DesktopPhone {
  private readonly log = new EventLog();
  private readonly preferences = new Preferences();
  private readonly phone: Softphone;
  private readonly view: PhoneView;

  private readonly api: AgentApi;

  constructor(client: GwsClient, sessionLost: (why: string) => void) {
    const api = new AgentApi(client);
    this.api = api;
    this.phone = new Softphone({
      api,
      log: this.log,
      pageUrl: new URL(window.location.href),
      preferences: () => this.preferences.current(),
      changed: () => this.view?.render(),
      sessionLost,
    });
    this.view = new PhoneView(this.phone, this.preferences, undefined);
    this.log.onEvent((event) => this.view.phoneEvent(event));
    installSoftphoneHook(this.phone, this.log);
  }

  get root(): HTMLElement {
    return this.view.root;
  }

  /** Fetches the session's WebRTC settings and registers; without a gateway (404) the phone says so and waits. */
  async connect(): Promise<void> {
    this.view.showMessage('');
    await this.view.refreshDevices();
    try {
      const settings = await this.api.webrtc();
      const refused = await checkMicrophone();
      if (refused !== undefined) this.view.showMessage(`No microphone: calls cannot be answered (${refused}).`);
      await this.view.refreshDevices();
      this.phone.start(settings);
    } catch (error) {
      if (error instanceof GwsError && error.notAuthenticated) throw error;
      this.log.add('webrtc-unavailable', { message: failureMessage(error) });
      this.view.showMessage(
        error instanceof GwsError && error.notFound
          ? 'The softphone is off: no SIP gateway is configured for this server, so calls ring on your desk phone.'
          : `The softphone cannot start: ${failureMessage(error)}`,
      );
    }
  }

  stop(): Promise<void> {
    return this.phone.stop();
  }
}
