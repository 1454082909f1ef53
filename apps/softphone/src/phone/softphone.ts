import JsSIP from 'jssip';
import type { IncomingResponse } from 'jssip/lib/SIPMessage';
import type { IncomingRTCSessionEvent, RTCSessionEvent, UA } from 'jssip/lib/UA';
import { RingTone } from '../audio/ring-tone';
import type { AgentApi } from '../gws/agent-api';
import { GwsError } from '../gws/gws-error';
import type { WebrtcSettings } from '../gws/webrtc-settings';
import { asksForAutoAnswer } from './cti-control';
import type { EventLog } from './event-log';
import { peerConnectionConfig } from './pc-config';
import { PhoneCall, type MediaPreferences } from './phone-call';
import { credentialRefreshDelayMs, retryDelayMs, type GatewayLink, type RegistrationText } from './registration';

/** Re-REGISTER well within the gateway's own expiry so a closed browser is noticed soon (docs/sip-gateway.md). */
const REGISTER_EXPIRES_SECONDS = 90;

export interface SoftphoneOptions {
  readonly api: AgentApi;
  readonly log: EventLog;
  readonly pageUrl: URL;
  /** The agent's device, volume and mute choices. */
  readonly preferences: () => Omit<MediaPreferences, 'pcConfig'>;
  /** Registration, the gateway link or a call changed. */
  readonly changed: () => void;
  /** GWS no longer has this session (logged out elsewhere, expired): the phone has stopped. */
  readonly sessionLost: (why: string) => void;
}

/**
 * The agent's WebRTC endpoint: a JsSIP user agent registering the session's DN at the gateway with the credential
 * GWS issued, refreshing that credential before it expires, and ringing for incoming calls. Call control stays in
 * GWS: calls are answered, held and retrieved by the SIP Server's requests (phone-call.ts), never by the page.
 */
export class Softphone {
  private ua: UA | undefined;
  private settings: WebrtcSettings | undefined;
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;
  private failures = 0;
  private restartPending = false;
  private readonly ring = new RingTone();
  private readonly callList: PhoneCall[] = [];
  registration: RegistrationText = 'Not registered';
  link: GatewayLink = 'disconnected';

  constructor(private readonly options: SoftphoneOptions) {}

  get dn(): string | undefined {
    return this.settings?.dn;
  }

  /** Live calls and the ones that ended since the last call arrived, oldest first. */
  get calls(): readonly PhoneCall[] {
    return this.callList;
  }

  /** The call the agent is on: the newest live call not on hold, else the newest live one, else the last ended. */
  get focusedCall(): PhoneCall | undefined {
    const newestFirst = [...this.callList].reverse();
    return (
      newestFirst.find((call) => !call.ended && call.state !== 'On hold') ??
      newestFirst.find((call) => !call.ended) ??
      newestFirst[0]
    );
  }

  get running(): boolean {
    return this.ua !== undefined;
  }

  /** Registers with `settings` (from `GET /api/v2/me/webrtc`). */
  start(settings: WebrtcSettings): void {
    this.stopUa();
    this.settings = settings;
    const ua = new JsSIP.UA({
      sockets: [new JsSIP.WebSocketInterface(settings.sip.wsUri)],
      uri: settings.sip.uri,
      authorization_user: settings.sip.authorizationUser,
      password: settings.sip.password,
      realm: settings.sip.realm,
      register: true,
      register_expires: REGISTER_EXPIRES_SECONDS,
      session_timers: false,
      user_agent: 'open-gws softphone (JsSIP)',
    });
    this.ua = ua;
    this.watch(ua);
    this.options.log.add('ua-start', { dn: settings.dn, wsUri: settings.sip.wsUri, expiresAt: settings.sip.expiresAt });
    ua.start();
    this.scheduleRefresh(credentialRefreshDelayMs(settings.sip.expiresAt, Date.now()));
  }

  /** Unregisters and closes the socket (logout, page closed); bounded so a dead gateway cannot hold a logout up. */
  async stop(): Promise<void> {
    const ua = this.ua;
    this.stopUa();
    if (ua === undefined) return;
    await new Promise<void>((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(done, 2_000);
      ua.on('disconnected', done);
    });
  }

  /** Applies changed speaker, volume or mute choices to the calls. */
  preferencesChanged(): void {
    for (const call of this.liveCalls()) {
      call.applyOutput();
      call.applyMute();
    }
  }

  /** Moves live calls to the newly chosen microphone. */
  async microphoneChanged(): Promise<void> {
    await Promise.all(this.liveCalls().map((call) => call.applyMicrophone()));
  }

  private liveCalls(): PhoneCall[] {
    return this.callList.filter((call) => !call.ended);
  }

  private stopUa(): void {
    clearTimeout(this.refreshTimer);
    this.refreshTimer = undefined;
    this.ring.stop();
    const ua = this.ua;
    this.ua = undefined;
    if (ua !== undefined) {
      ua.stop();
      this.options.log.add('ua-stop');
    }
    this.setRegistration('Not registered');
    this.link = 'disconnected';
  }

  private watch(ua: UA): void {
    const mine = (): boolean => this.ua === ua;
    ua.on('connecting', ({ attempts }) => {
      if (!mine()) return;
      this.link = 'connecting';
      this.options.log.add('ws-connecting', { attempts });
      this.options.changed();
    });
    // JsSIP re-sends REGISTER by itself each time the socket connects again (a gateway restart, a network blip).
    ua.on('connected', () => {
      if (!mine()) return;
      this.link = 'connected';
      this.options.log.add('ws-connected');
      this.options.changed();
    });
    ua.on('disconnected', ({ code, reason, error }) => {
      if (!mine()) return;
      this.link = 'disconnected';
      this.options.log.add('ws-disconnected', { code, reason, error });
      this.setRegistration('Not registered');
    });
    ua.on('registered', () => {
      if (!mine()) return;
      this.failures = 0;
      this.options.log.add('registered', { dn: this.settings?.dn });
      this.setRegistration('Registered');
    });
    ua.on('unregistered', ({ cause }) => {
      if (!mine()) return;
      this.options.log.add('unregistered', { cause });
      // JsSIP follows a refused re-REGISTER with 'unregistered': the refusal stays on show (a lost socket and
      // stop() set "Not registered" themselves).
      if (!this.registration.startsWith('Registration failed')) this.setRegistration('Not registered');
    });
    ua.on('registrationFailed', ({ cause, ...event }) => {
      if (!mine()) return;
      // JsSIP passes null for failures without a response (a timeout, a lost socket).
      const response: IncomingResponse | null = event.response;
      const status = response?.status_code;
      const reason = response === null ? String(cause) : `${response.status_code} ${response.reason_phrase}`;
      this.options.log.add('registration-failed', { cause, status });
      this.setRegistration(`Registration failed: ${reason}`);
      // A lost socket is JsSIP's to retry (it re-registers on reconnect); a refusal may mean a rotated credential.
      if (cause !== JsSIP.C.causes.CONNECTION_ERROR) this.scheduleRefresh(retryDelayMs(++this.failures));
    });
    ua.on('newRTCSession', (event: RTCSessionEvent) => {
      // Originator is an ambient enum in JsSIP's typings (no runtime value): compared as the string it is.
      if (!mine() || String(event.originator) !== 'remote') return;
      this.incoming(event as IncomingRTCSessionEvent);
    });
  }

  private incoming({ session, request }: IncomingRTCSessionEvent): void {
    const identity = session.remote_identity;
    const remoteParty = identity.display_name || identity.uri.user || 'unknown';
    // Calls that ended are shown until the next one arrives.
    for (let index = this.callList.length - 1; index >= 0; index--) {
      if (this.callList[index]!.ended) this.callList.splice(index, 1);
    }
    const call = new PhoneCall(
      session,
      remoteParty,
      () => ({ ...this.options.preferences(), pcConfig: this.pcConfig() }),
      this.options.log,
      () => this.callChanged(),
    );
    this.callList.push(call);
    const autoAnswer = asksForAutoAnswer(request.getHeader('Call-Info') || undefined);
    this.options.log.add('incoming', { from: remoteParty, autoAnswer });
    if (autoAnswer) call.answer('auto-answer');
    this.callChanged();
  }

  private pcConfig(): RTCConfiguration {
    if (this.settings === undefined) throw new Error('the softphone has no WebRTC settings');
    return peerConnectionConfig(this.settings, this.options.pageUrl);
  }

  private callChanged(): void {
    const ringing = this.callList.some((call) => call.ringing);
    if (ringing) this.ring.start();
    else this.ring.stop();
    if (this.restartPending && this.liveCalls().length === 0) {
      this.restartPending = false;
      if (this.settings !== undefined) this.start(this.settings);
    }
    this.options.changed();
  }

  private setRegistration(text: RegistrationText): void {
    this.registration = text;
    this.options.changed();
  }

  private scheduleRefresh(delayMs: number): void {
    clearTimeout(this.refreshTimer);
    this.refreshTimer = setTimeout(() => void this.refreshCredential(), delayMs);
  }

  /** Fetches the session's SIP credential again and registers with it; a changed gateway means a new UA. */
  private async refreshCredential(): Promise<void> {
    const ua = this.ua;
    if (ua === undefined) return;
    let fresh: WebrtcSettings;
    try {
      fresh = await this.options.api.webrtc();
    } catch (error) {
      if (this.ua !== ua) return;
      if (error instanceof GwsError && (error.notAuthenticated || error.notFound)) {
        this.options.log.add('session-lost', { status: error.httpStatus, message: error.statusMessage });
        this.stopUa();
        this.options.sessionLost(error.notAuthenticated ? 'Your GWS session has ended' : error.statusMessage);
        return;
      }
      this.options.log.add('credential-refresh-failed', { message: String(error) });
      this.scheduleRefresh(retryDelayMs(++this.failures));
      return;
    }
    if (this.ua !== ua) return;
    const previous = this.settings;
    this.settings = fresh;
    this.options.log.add('credential-refreshed', { expiresAt: fresh.sip.expiresAt });
    if (previous?.sip.wsUri !== fresh.sip.wsUri || previous.sip.uri !== fresh.sip.uri) {
      // Another gateway or DN: a new UA, once no call would be cut.
      if (this.liveCalls().length === 0) this.start(fresh);
      else this.restartPending = true;
      return;
    }
    ua.set('authorization_user', fresh.sip.authorizationUser);
    ua.set('password', fresh.sip.password);
    ua.set('realm', fresh.sip.realm);
    if (ua.isConnected()) ua.register();
    this.scheduleRefresh(credentialRefreshDelayMs(fresh.sip.expiresAt, Date.now()));
  }
}
