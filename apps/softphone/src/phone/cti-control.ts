import type { RTCSession } from 'jssip/lib/RTCSession';
import { receiverOf, type InDialogRequest } from './jssip-internals';

/** What the SIP Server asks of the endpoint on the desktop's behalf (BroadSoft-style remote control). */
export type CtiCommand = 'talk' | 'hold';

/**
 * Remote call control as Genesys SIP Server does it (`sip-cti-control: talk,hold`): an in-dialog NOTIFY with
 * `Event: talk` answers a ringing call or takes a held one off hold, `Event: hold` holds. JsSIP 3.13 refuses both
 * (403 "Wrong Status" while ringing, 489 once established), so this session's `receiveRequest` is wrapped: such a
 * NOTIFY is answered 200 here and handed to `onCommand`; every other request goes on to JsSIP.
 */
export function interceptCtiControl(session: RTCSession, onCommand: (command: CtiCommand) => void): void {
  const receiver = receiverOf(session);
  const jssipReceive = receiver.receiveRequest.bind(session);
  receiver.receiveRequest = (request: InDialogRequest): void => {
    const command = request.method === 'NOTIFY' ? ctiCommand(request.getHeader('Event')) : undefined;
    if (command === undefined) {
      jssipReceive(request);
      return;
    }
    request.reply(200);
    onCommand(command);
  };
}

/** `Event: talk` / `Event: hold;...`: the event package, case-insensitive (RFC 6665 tokens). */
function ctiCommand(event: string | undefined): CtiCommand | undefined {
  const name = event?.split(';')[0]?.trim().toLowerCase();
  return name === 'talk' || name === 'hold' ? name : undefined;
}

/**
 * A desktop-initiated call (3PCC MakeCall rings the agent's own DN first) carries `Call-Info: <...>;answer-after=0`
 * and is answered at once (the notes' section 5.1: the convention of AudioCodes, Gigaset and others).
 */
export function asksForAutoAnswer(callInfo: string | undefined): boolean {
  return callInfo !== undefined && /;\s*answer-after\s*=\s*0(?![0-9])/i.test(callInfo);
}
