import { resumeAudio } from '../../softphone/src/audio/audio-context';
import { GwsClient } from '../../softphone/src/gws/gws-client';
import { GwsError } from '../../softphone/src/gws/gws-error';
import { el } from '../../softphone/src/ui/dom';
import { LoginView } from '../../softphone/src/ui/login-view';
import { failureMessage, loginFailureMessage } from '../../softphone/src/ui/messages';
import { DesktopApi } from './gws/desktop-api';
import { Notifications } from './gws/notifications';
import type { Call } from './model/call';
import { DesktopState, type EndedCall } from './model/desktop-state';
import { Announcer, BannerView } from './ui/banner-view';
import { CallsView } from './ui/calls-view';
import { DesktopPhone } from './ui/desktop-phone';
import { DialView } from './ui/dial-view';
import { HeaderView } from './ui/header-view';
import { PlaceView } from './ui/place-view';
import { StateView } from './ui/state-view';
import type { DesktopConfig } from './wrap-up/desktop-config';
import { WrapUpView } from './wrap-up/wrap-up-view';

/** GWS statusCodes StartContactCenterSession answers when the place must be chosen (docs/api.md). */
const MISSING_PARAMETER = 1;
const IN_USE = 19;

/**
 * The agent desktop: log in (Basic once, then the session cookie), start or join the contact-center session,
 * follow the agent's device and calls over CometD, and act through REST. The whole state is read again after a
 * reload and after every CometD reconnect, so what the page shows is what GWS has.
 */
export class DesktopPage {
  private readonly client = new GwsClient();
  private readonly api = new DesktopApi(this.client);
  private readonly announcer = new Announcer();
  private readonly banner = new BannerView();
  private readonly state: DesktopState;
  private readonly notifications: Notifications;
  private readonly header: HeaderView;
  private readonly login: LoginView;
  private readonly place: PlaceView;
  private readonly stateView: StateView;
  private readonly dialView: DialView;
  private readonly callsView: CallsView;
  private readonly wrapUps: WrapUpView;
  private readonly phone: DesktopPhone;
  private readonly workspace: HTMLElement;
  private loggedIn = false;
  /** After-call work was asked for the wrap-ups now pending (once per batch of ended calls). */
  private afterCallWorkAsked = false;
  private ticker: ReturnType<typeof setInterval> | undefined;

  constructor(
    private readonly root: HTMLElement,
    private readonly config: DesktopConfig,
  ) {
    this.state = new DesktopState({
      changed: () => this.render(),
      announce: (text) => this.announcer.say(text),
      callEnded: (ended) => this.callEnded(ended),
    });
    this.notifications = new Notifications({
      message: (topic, data) => this.state.message(topic, data),
      interrupted: () => this.banner.show('Connection to GWS lost: reconnecting… What you see may be out of date.'),
      restored: () => void this.reconnected(),
      ended: () => this.sessionEnded('Your session has ended. Log in again.'),
    });
    this.header = new HeaderView(this.state, () => this.logout());
    this.login = new LoginView((userName, password) => this.logIn(userName, password));
    this.place = new PlaceView(
      (place) => this.startSession(place),
      () => this.logout(),
    );
    this.stateView = new StateView(this.state, {
      ready: () => this.agentState('Ready'),
      notReady: (reasonCode) => this.agentState('NotReady', reasonCode),
      afterCallWork: () => this.agentState('AfterCallWork'),
      doNotDisturb: (on) => this.deviceOperation(on ? 'DoNotDisturbOn' : 'DoNotDisturbOff'),
      forward: (destination) =>
        this.deviceOperation(destination === undefined ? 'ForwardCallsOff' : 'ForwardCallsOn', destination),
    });
    this.dialView = new DialView(this.state, (phoneNumber) => this.dial(phoneNumber));
    this.callsView = new CallsView(
      this.state,
      {
        operation: (call, operationName, parameters) => this.callOperation(call, operationName, parameters),
        updateUserData: (call, changes) =>
          this.userData(call, 'UpdateUserData', () => this.api.updateUserData(call.id, changes)),
        deleteUserDataPair: (call, key) =>
          this.userData(call, 'DeleteUserDataPair', () => this.api.deleteUserDataPair(call.id, key)),
      },
      config,
    );
    this.wrapUps = new WrapUpView(config, (ended) => this.wrapUpDone(ended));
    this.phone = new DesktopPhone(this.client, (why) => this.sessionEnded(`${why}. Log in again.`));
    this.workspace = el(
      'div',
      { class: 'workspace' },
      el('div', { class: 'column side' }, this.stateView.root, this.dialView.root, this.phone.root),
      el('div', { class: 'column work' }, this.callsView.root, this.wrapUps.root),
    );
    window.addEventListener('pagehide', () => {
      void this.phone.stop();
      void this.notifications.stop();
    });
    window.addEventListener('pageshow', (event) => {
      if (event.persisted) window.location.reload();
    });
  }

  async open(): Promise<void> {
    this.root.replaceChildren(
      this.header.root,
      this.banner.root,
      this.announcer.root,
      el('main', {}, el('div', { class: 'entry' }, this.login.root, this.place.root), this.workspace),
    );
    this.workspace.hidden = true;
    this.login.root.hidden = true;
    try {
      // A live session cookie (a reload, another tab) skips the form.
      await this.enter();
    } catch (error) {
      this.showLogin(error instanceof GwsError && error.notAuthenticated ? '' : failureMessage(error));
    }
  }

  private async logIn(userName: string, password: string): Promise<void> {
    resumeAudio();
    try {
      await this.client.login(userName, password);
      await this.enter();
    } catch (error) {
      this.login.showMessage(loginFailureMessage(error));
    }
  }

  /** Logged in: the notification channel first (so no message is missed), then the session and the state. */
  private async enter(): Promise<void> {
    const snapshot = await this.api.snapshot();
    this.login.hide();
    this.header.showAgent(snapshot.displayName);
    await this.notifications.start();
    if (snapshot.devices.length === 0) {
      await this.startSession(undefined);
      return;
    }
    await this.showWorkspace();
  }

  /** StartContactCenterSession; a place to choose (none by default, or held by someone else) shows the form. */
  private async startSession(place: string | undefined): Promise<void> {
    resumeAudio();
    try {
      await this.api.startSession(place);
    } catch (error) {
      if (this.handledSessionEnd(error)) return;
      if (error instanceof GwsError && error.statusCode === MISSING_PARAMETER && place === undefined) {
        this.place.show('You have no default place: enter the place you sit at.');
      } else if (error instanceof GwsError && error.statusCode === IN_USE) {
        this.place.show(`${error.statusMessage}: choose another place.`);
      } else {
        this.place.show(`Cannot start the session: ${failureMessage(error)}`);
      }
      return;
    }
    this.place.hide();
    await this.showWorkspace();
  }

  private async showWorkspace(): Promise<void> {
    await this.reread();
    this.loggedIn = true;
    this.workspace.hidden = false;
    this.ticker ??= setInterval(() => this.tick(), 1_000);
    this.announcer.say('Logged in');
    performance.mark('agent-desktop:workspace-ready');
    await this.phone.connect().catch((error: unknown) => this.handledSessionEnd(error));
  }

  /** The whole state again (`/me?subresources=*`), messages that arrive meanwhile winning over it. */
  private async reread(): Promise<void> {
    this.state.beginSnapshot();
    const snapshot = await this.api.snapshot();
    this.state.reasons = snapshot.reasons;
    this.state.applySnapshot(snapshot.devices, snapshot.calls);
  }

  /** CometD works again: read the state again, since messages may have been lost with the old session. */
  private async reconnected(): Promise<void> {
    if (!this.loggedIn) return;
    try {
      await this.reread();
      this.state.beginSnapshot();
      this.state.applySnapshot(undefined, await this.api.calls());
      this.banner.hide();
      this.announcer.say('Reconnected to GWS');
    } catch (error) {
      if (!this.handledSessionEnd(error))
        this.banner.show(`Reconnected, but reading the state failed: ${failureMessage(error)}`);
    }
  }

  private async agentState(operationName: 'Ready' | 'NotReady' | 'AfterCallWork', reasonCode?: string): Promise<void> {
    try {
      await this.api.agentState(operationName, reasonCode);
      if (operationName !== 'AfterCallWork') this.wrapUps.clear();
    } catch (error) {
      if (!this.handledSessionEnd(error)) this.state.stateFailed(label(operationName), failureMessage(error));
    }
  }

  private async deviceOperation(operationName: string, destination?: string): Promise<void> {
    const device = this.state.device;
    if (device === undefined) return;
    try {
      await this.api.deviceOperation(device.id, operationName, destination);
    } catch (error) {
      if (!this.handledSessionEnd(error)) this.state.stateFailed(operationName, failureMessage(error));
    }
  }

  private async dial(phoneNumber: string): Promise<boolean> {
    const device = this.state.device;
    if (device === undefined) return false;
    try {
      await this.api.dial(device.id, phoneNumber);
      return true;
    } catch (error) {
      if (!this.handledSessionEnd(error)) this.state.dialFailed(failureMessage(error));
      return false;
    }
  }

  private async callOperation(
    call: Call,
    operationName: string,
    parameters?: Readonly<Record<string, unknown>>,
  ): Promise<boolean> {
    resumeAudio();
    this.state.clearError(call.id);
    try {
      await this.api.callOperation(call.id, operationName, parameters);
      return true;
    } catch (error) {
      if (!this.handledSessionEnd(error)) this.state.callFailed(call.id, operationName, failureMessage(error));
      return false;
    }
  }

  private async userData(call: Call, operationName: string, send: () => Promise<void>): Promise<boolean> {
    this.state.clearError(call.id);
    try {
      await send();
      return true;
    } catch (error) {
      if (!this.handledSessionEnd(error)) this.state.callFailed(call.id, operationName, failureMessage(error));
      return false;
    }
  }

  /** A call the agent talked on ended: its wrap-up, unless it was this agent's own consultation leg. */
  private callEnded(ended: EndedCall): void {
    if (ended.call.parentId !== undefined) return;
    this.wrapUps.add(ended);
  }

  /** Once no call is left, a pending wrap-up puts the agent in After Call Work (when configured). */
  private enterAfterCallWork(): void {
    if (this.wrapUps.pending === 0) {
      this.afterCallWorkAsked = false;
      return;
    }
    if (this.afterCallWorkAsked || !this.config.wrapUp.afterCallWork || this.state.calls.length > 0) return;
    this.afterCallWorkAsked = true;
    if (this.state.device?.userState.workMode !== 'AfterCallWork') void this.agentState('AfterCallWork');
  }

  /** "Done": the configured next state; the wrap-up closes once GWS accepted it. */
  private async wrapUpDone(_ended: EndedCall): Promise<boolean> {
    const next = this.config.wrapUp.then;
    try {
      if (this.wrapUps.pending <= 1 && this.state.calls.length === 0) await this.api.agentState(next);
      return true;
    } catch (error) {
      if (!this.handledSessionEnd(error)) this.state.stateFailed(label(next), failureMessage(error));
      return false;
    }
  }

  private async logout(): Promise<void> {
    await this.phone.stop();
    await this.notifications.stop();
    try {
      await this.api.endSession();
    } catch (error) {
      if (!(error instanceof GwsError && error.notAuthenticated)) {
        this.state.stateFailed('Log out', failureMessage(error));
        return;
      }
    }
    this.showLogin('You are logged out.');
  }

  /** A 401 on any request: the HTTP session is gone (expired, logged out elsewhere). */
  private handledSessionEnd(error: unknown): boolean {
    if (!(error instanceof GwsError && error.notAuthenticated)) return false;
    this.sessionEnded('Your session has ended. Log in again.');
    return true;
  }

  private sessionEnded(message: string): void {
    void this.phone.stop();
    void this.notifications.stop();
    this.showLogin(message);
  }

  private showLogin(message: string): void {
    this.loggedIn = false;
    clearInterval(this.ticker);
    this.ticker = undefined;
    this.client.forgetSession();
    this.state.clear();
    this.wrapUps.clear();
    this.banner.hide();
    this.place.hide();
    this.workspace.hidden = true;
    this.header.showLoggedOut();
    this.render();
    this.login.show(message);
    performance.mark('agent-desktop:login-ready');
  }

  private render(): void {
    this.header.render();
    this.stateView.render();
    this.dialView.render();
    this.callsView.render();
    this.enterAfterCallWork();
  }

  private tick(): void {
    const now = Date.now();
    this.header.tick(now);
    this.callsView.tick(now);
    this.wrapUps.tick(now);
  }
}

function label(operationName: string): string {
  return operationName === 'NotReady'
    ? 'Not Ready'
    : operationName === 'AfterCallWork'
      ? 'After Call Work'
      : operationName;
}
