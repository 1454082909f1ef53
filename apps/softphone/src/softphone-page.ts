import { resumeAudio } from './audio/audio-context';
import { checkMicrophone } from './audio/audio-devices';
import { AgentApi, type AgentView } from './gws/agent-api';
import { GwsClient } from './gws/gws-client';
import { GwsError } from './gws/gws-error';
import { EventLog } from './phone/event-log';
import { Preferences } from './phone/preferences';
import { Softphone } from './phone/softphone';
import { installSoftphoneHook } from './phone/softphone-hook';
import { el } from './ui/dom';
import { LoginView } from './ui/login-view';
import { failureMessage, loginFailureMessage, webrtcUnavailableMessage } from './ui/messages';
import { PhoneView } from './ui/phone-view';
import { SessionView } from './ui/session-view';

/**
 * The standalone softphone page: log in (or reuse a live session cookie), start or join the contact-center
 * session, fetch the session's WebRTC settings and register. The agent desktop embeds the Softphone and PhoneView
 * parts with its own login.
 */
export class SoftphonePage {
  private readonly api = new AgentApi(new GwsClient());
  private readonly log = new EventLog();
  private readonly preferences = new Preferences();
  private readonly phone: Softphone;
  private readonly loginView: LoginView;
  private readonly sessionView: SessionView;
  private readonly phoneView: PhoneView;
  private agent: AgentView | undefined;

  constructor(private readonly root: HTMLElement) {
    this.phone = new Softphone({
      api: this.api,
      log: this.log,
      pageUrl: new URL(window.location.href),
      preferences: () => this.preferences.current(),
      changed: () => this.phoneView?.render(),
      sessionLost: (why) => this.sessionLost(why),
    });
    this.loginView = new LoginView((userName, password) => this.login(userName, password));
    this.sessionView = new SessionView({ start: (place) => this.startSession(place), logout: () => this.logout() });
    this.phoneView = new PhoneView(this.phone, this.preferences, () => this.answerThroughGws());
    this.log.onEvent((event) => this.phoneView.phoneEvent(event));
    installSoftphoneHook(this.phone, this.log);
    // Unregister when the tab closes, so GWS shows the device Inactive at once rather than at the gateway's expiry;
    // a page brought back from the back/forward cache starts over.
    window.addEventListener('pagehide', () => void this.phone.stop());
    window.addEventListener('pageshow', (event) => {
      if (event.persisted) window.location.reload();
    });
  }

  async open(): Promise<void> {
    this.root.replaceChildren(
      el('header', {}, el('h1', {}, 'Softphone')),
      this.loginView.root,
      this.sessionView.root,
      this.phoneView.root,
    );
    this.sessionView.hide();
    this.phoneView.hide();
    this.loginView.root.hidden = true;
    try {
      // A live session cookie (a reload, the desktop in another tab) skips the form.
      await this.loggedIn(await this.api.me());
    } catch (error) {
      this.loginView.show(error instanceof GwsError && error.notAuthenticated ? '' : failureMessage(error));
    }
  }

  private async login(userName: string, password: string): Promise<void> {
    resumeAudio();
    try {
      await this.api.client.login(userName, password);
      await this.loggedIn(await this.api.me());
    } catch (error) {
      this.loginView.showMessage(loginFailureMessage(error));
    }
  }

  private async loggedIn(agent: AgentView): Promise<void> {
    this.agent = agent;
    this.log.add('logged-in', { userName: agent.userName, dn: agent.dn });
    this.loginView.hide();
    this.sessionView.show(agent.displayName);
    this.sessionView.showSession(agent.dn);
    this.phoneView.show();
    await this.phoneView.refreshDevices();
    if (agent.dn !== undefined) await this.connectPhone();
  }

  /** Start session: StartContactCenterSession unless the agent already has one, then the phone. */
  private async startSession(place: string): Promise<void> {
    resumeAudio();
    this.sessionView.showMessage('');
    try {
      let agent = await this.api.me();
      if (agent.dn === undefined) {
        await this.api.startSession(place === '' ? undefined : place);
        agent = await this.api.me();
        this.log.add('session-started', { dn: agent.dn });
      }
      this.agent = agent;
      this.sessionView.showSession(agent.dn);
      await this.connectPhone();
    } catch (error) {
      if (this.sessionEnded(error)) return;
      this.sessionView.showMessage(`Cannot start the session: ${failureMessage(error)}`);
    }
  }

  /** Fetches the session's WebRTC settings and registers; a 404 means no gateway for this session. */
  private async connectPhone(): Promise<void> {
    this.sessionView.showMessage('Fetching the WebRTC settings…', 'info');
    try {
      const settings = await this.api.webrtc();
      this.sessionView.showMessage('');
      this.sessionView.showSession(settings.dn);
      const refused = await checkMicrophone();
      if (refused !== undefined) this.phoneView.showMessage(`No microphone: calls cannot be answered (${refused}).`);
      await this.phoneView.refreshDevices();
      this.phone.start(settings);
    } catch (error) {
      if (this.sessionEnded(error)) return;
      const unavailable = error instanceof GwsError && error.notFound;
      this.log.add('webrtc-unavailable', { message: failureMessage(error) });
      this.sessionView.showMessage(
        unavailable
          ? webrtcUnavailableMessage(error, this.agent?.dn)
          : `Cannot set up the phone: ${failureMessage(error)}`,
      );
      this.sessionView.showSession(this.agent?.dn, 'Try again');
    }
  }

  /** "Answer" on the page asks GWS to answer (Answer on the ringing call); the SIP side follows from there. */
  private async answerThroughGws(): Promise<void> {
    try {
      if (!(await this.api.answerRingingCall())) this.phoneView.showMessage('GWS shows no ringing call to answer.');
    } catch (error) {
      if (this.sessionEnded(error)) return;
      this.phoneView.showMessage(`Answer failed: ${failureMessage(error)}`);
    }
  }

  /** Log out: unregister, then EndContactCenterSession, which also ends the HTTP session (GWS's logout). */
  private async logout(): Promise<void> {
    await this.phone.stop();
    try {
      await this.api.endSession();
    } catch (error) {
      if (!(error instanceof GwsError && error.notAuthenticated)) {
        this.sessionView.showMessage(`Logout failed: ${failureMessage(error)}`);
        return;
      }
    }
    this.log.add('logged-out');
    this.showLoggedOut('You are logged out.');
  }

  private sessionLost(why: string): void {
    this.showLoggedOut(`${why}. Log in again.`);
  }

  /** A 401 during any step: the HTTP session is gone (expired, ended elsewhere). */
  private sessionEnded(error: unknown): boolean {
    if (!(error instanceof GwsError && error.notAuthenticated)) return false;
    void this.phone.stop();
    this.showLoggedOut('Your session has ended. Log in again.');
    return true;
  }

  private showLoggedOut(message: string): void {
    this.agent = undefined;
    this.api.client.forgetSession();
    this.sessionView.hide();
    this.phoneView.hide();
    this.loginView.show(message);
  }
}
