import type { RTCSession } from 'jssip/lib/RTCSession';

/**
 * What the page uses of JsSIP 3.13 beyond its type declarations (read in lib/RTCSession.js and lib/SIPMessage.js of
 * 3.13.8): an in-dialog request as the dialog hands it to its session, and the session's `receiveRequest`, an
 * instance method the CTI control wraps (../shared notes, section 5.2).
 */
export interface InDialogRequest {
  readonly method: string;
  /** undefined when the header is absent. */
  getHeader(name: string): string | undefined;
  reply(code: number, reason?: string): void;
}

export interface RequestReceiver {
  receiveRequest(request: InDialogRequest): void;
}

/** The session as the dialog layer sees it. */
export function receiverOf(session: RTCSession): RequestReceiver {
  return session as unknown as RequestReceiver;
}
