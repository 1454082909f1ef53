import { createRequire } from 'node:module';
import { UA, type Socket } from 'jssip';

/**
 * JsSIP (the softphone's SIP stack) in Node over the `ws` package: registers a DN through the gateway as a browser
 * would, with no browser. Media is out of scope here (no RTCPeerConnection in Node).
 */

/** The part of the `ws` package used here (it ships no types of its own). */
interface WsSocket {
  readonly readyState: number;
  on(event: 'open', listener: () => void): void;
  on(event: 'message', listener: (data: Buffer) => void): void;
  on(event: 'close', listener: (code: number, reason: Buffer) => void): void;
  on(event: 'error', listener: (error: Error) => void): void;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  /** Destroys the TCP socket at once: no WebSocket close frame, as when the browser's process is killed. */
  terminate(): void;
}
type WsConstructor = new (url: string, protocol: string, options: { ca?: string }) => WsSocket;
const WebSocketClient = createRequire(__filename)('ws') as WsConstructor;
const CONNECTING = 0;
const OPEN = 1;

/** A JsSIP socket (JsSIP.Socket's interface) on `ws`; once `kill`ed it stays down, as a closed browser does. */
class NodeWsSocket implements Socket {
  private ws: WsSocket | undefined;
  private dead = false;
  via_transport: string;
  readonly url: string;
  readonly sip_uri: string;

  constructor(
    url: string,
    private readonly ca: string | undefined,
  ) {
    const parsed = new URL(url);
    this.url = url;
    this.via_transport = parsed.protocol === 'wss:' ? 'WSS' : 'WS';
    this.sip_uri = `sip:${parsed.hostname}${parsed.port === '' ? '' : `:${parsed.port}`};transport=ws`;
  }

  connect(): void {
    if (this.dead || this.ws !== undefined) return;
    const ws = new WebSocketClient(this.url, 'sip', this.ca === undefined ? {} : { ca: this.ca });
    this.ws = ws;
    ws.on('open', () => this.onconnect());
    ws.on('message', (data) => this.ondata(data.toString()));
    ws.on('error', () => undefined); // a 'close' follows
    ws.on('close', (code, reason) => {
      this.ws = undefined;
      this.ondisconnect(code !== 1000, code, reason.toString());
    });
  }

  disconnect(): void {
    this.ws?.close(1000);
  }

  send(message: string | ArrayBufferLike | Blob | ArrayBufferView): boolean {
    if (this.ws?.readyState !== OPEN || typeof message !== 'string') return false;
    this.ws.send(message);
    return true;
  }

  isConnected(): boolean {
    return this.ws?.readyState === OPEN;
  }

  isConnecting(): boolean {
    return this.ws?.readyState === CONNECTING;
  }

  /** `terminate`: the TCP socket destroyed (a killed browser); `close`: a WebSocket close 1001 (a closed tab). */
  kill(how: 'terminate' | 'close'): void {
    this.dead = true;
    if (how === 'terminate') this.ws?.terminate();
    else this.ws?.close(1001, 'Going Away');
  }

  // JsSIP's Transport assigns these.
  onconnect(): void {}
  ondisconnect(_error: boolean, _code?: number, _reason?: string): void {}
  ondata<T>(_event: T): void {}
}

export type RegistrationOutcome =
  { readonly registered: true } | { readonly registered: false; readonly status?: number; readonly cause?: string };

export interface SipWsClientOptions {
  /** `ws://...` (Kamailio) or `wss://.../ws` (nginx). */
  readonly url: string;
  readonly dn: string;
  readonly password: string;
  readonly sipDomain: string;
  /** A PEM certificate to trust (the harness's self-signed one) for wss. */
  readonly ca?: string;
}

export interface SipWsClient {
  readonly ua: UA;
  /** Settles on the first registration outcome (JsSIP `registered` or `registrationFailed`). */
  readonly registration: Promise<RegistrationOutcome>;
  /** The connection goes away without an un-REGISTER: `terminate` (killed browser) or `close` (closed tab). */
  kill(how: 'terminate' | 'close'): void;
  /** Stops the UA (un-REGISTER if still connected). */
  stop(): Promise<void>;
}

export function startSipWsClient(options: SipWsClientOptions): SipWsClient {
  const socket = new NodeWsSocket(options.url, options.ca);
  const ua = new UA({
    sockets: [socket],
    uri: `sip:${options.dn}@${options.sipDomain}`,
    authorization_user: options.dn,
    password: options.password,
    register: true,
    register_expires: 60,
    session_timers: false,
    user_agent: 'open-gws gateway test',
  });
  const registration = new Promise<RegistrationOutcome>((resolve) => {
    ua.once('registered', () => resolve({ registered: true }));
    ua.once('registrationFailed', (event: { response?: { status_code?: number } | null; cause?: string }) =>
      resolve({ registered: false, status: event.response?.status_code, cause: event.cause }),
    );
  });
  ua.start();
  return {
    ua,
    registration,
    kill: (how) => socket.kill(how),
    stop: async () => {
      if (!socket.isConnected()) {
        ua.stop();
        return;
      }
      const closed = new Promise<void>((resolve) => ua.once('disconnected', () => resolve()));
      ua.stop();
      await Promise.race([closed, new Promise((resolve) => setTimeout(resolve, 2000).unref())]);
    },
  };
}
