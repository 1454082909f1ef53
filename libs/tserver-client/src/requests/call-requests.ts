import { KVList, MakeCallType, tmessage, type ConnId, type EnumValue, type KVInput, type TMessage } from '@gws/tlib';
import { queryCallMessage } from './dn-messages';
import type { RequestFn } from './request-fn';

/** What a new call or call leg may carry besides its destination. */
export interface LegOptions {
  /** Location attribute: the site the request is for (multi-site routing). */
  readonly location?: string;
  /** Attached to the new call (KVList). */
  readonly userData?: KVInput;
}

export interface MakeCallOptions extends LegOptions {
  readonly makeCallType?: EnumValue<typeof MakeCallType>;
}

const leg = (options: LegOptions): { Location?: string; UserData?: KVList } => ({
  ...(options.location === undefined ? {} : { Location: options.location }),
  ...(options.userData === undefined ? {} : { UserData: KVList.from(options.userData) }),
});

/**
 * Call control on a DN. Each resolves with the request's direct reply (TLIB_MESSAGE_SPECS): e.g. EventDialing for
 * makeCall, EventHeld for initiateTransfer; the later events of the flow arrive on the event stream. Two-call
 * requests put the held call in ConnID and the current (consult) call in TransferConnID / ConferenceConnID.
 */
export class CallRequests {
  constructor(private readonly request: RequestFn) {}

  makeCall(dn: string, destination: string, options: MakeCallOptions = {}): Promise<TMessage> {
    return this.request(
      tmessage('RequestMakeCall', {
        ThisDN: dn,
        OtherDN: destination,
        MakeCallType: options.makeCallType ?? MakeCallType.Regular,
        ...leg(options),
      }),
    );
  }

  answer(dn: string, connId: ConnId): Promise<TMessage> {
    return this.request(tmessage('RequestAnswerCall', { ThisDN: dn, ConnID: connId }));
  }

  release(dn: string, connId: ConnId): Promise<TMessage> {
    return this.request(tmessage('RequestReleaseCall', { ThisDN: dn, ConnID: connId }));
  }

  hold(dn: string, connId: ConnId): Promise<TMessage> {
    return this.request(tmessage('RequestHoldCall', { ThisDN: dn, ConnID: connId }));
  }

  retrieve(dn: string, connId: ConnId): Promise<TMessage> {
    return this.request(tmessage('RequestRetrieveCall', { ThisDN: dn, ConnID: connId }));
  }

  /** Holds `connId` and dials `destination` on a new consult call. */
  initiateTransfer(dn: string, connId: ConnId, destination: string, options: LegOptions = {}): Promise<TMessage> {
    return this.request(
      tmessage('RequestInitiateTransfer', { ThisDN: dn, ConnID: connId, OtherDN: destination, ...leg(options) }),
    );
  }

  completeTransfer(dn: string, heldConnId: ConnId, consultConnId: ConnId): Promise<TMessage> {
    return this.request(
      tmessage('RequestCompleteTransfer', { ThisDN: dn, ConnID: heldConnId, TransferConnID: consultConnId }),
    );
  }

  singleStepTransfer(dn: string, connId: ConnId, destination: string, options: LegOptions = {}): Promise<TMessage> {
    return this.request(
      tmessage('RequestSingleStepTransfer', { ThisDN: dn, ConnID: connId, OtherDN: destination, ...leg(options) }),
    );
  }

  muteTransfer(dn: string, connId: ConnId, destination: string, options: LegOptions = {}): Promise<TMessage> {
    return this.request(
      tmessage('RequestMuteTransfer', { ThisDN: dn, ConnID: connId, OtherDN: destination, ...leg(options) }),
    );
  }

  initiateConference(dn: string, connId: ConnId, destination: string, options: LegOptions = {}): Promise<TMessage> {
    return this.request(
      tmessage('RequestInitiateConference', { ThisDN: dn, ConnID: connId, OtherDN: destination, ...leg(options) }),
    );
  }

  completeConference(dn: string, heldConnId: ConnId, consultConnId: ConnId): Promise<TMessage> {
    return this.request(
      tmessage('RequestCompleteConference', { ThisDN: dn, ConnID: heldConnId, ConferenceConnID: consultConnId }),
    );
  }

  singleStepConference(dn: string, connId: ConnId, destination: string, options: LegOptions = {}): Promise<TMessage> {
    return this.request(
      tmessage('RequestSingleStepConference', { ThisDN: dn, ConnID: connId, OtherDN: destination, ...leg(options) }),
    );
  }

  /** Removes `party` from the conference `connId`. */
  deleteFromConference(dn: string, connId: ConnId, party: string): Promise<TMessage> {
    return this.request(tmessage('RequestDeleteFromConference', { ThisDN: dn, ConnID: connId, OtherDN: party }));
  }

  /** Holds the current call and retrieves the held one. */
  alternateCall(dn: string, heldConnId: ConnId, currentConnId: ConnId): Promise<TMessage> {
    return this.request(
      tmessage('RequestAlternateCall', { ThisDN: dn, ConnID: heldConnId, TransferConnID: currentConnId }),
    );
  }

  /** Releases the current (consult) call and retrieves the held one. */
  reconnectCall(dn: string, heldConnId: ConnId, currentConnId: ConnId): Promise<TMessage> {
    return this.request(
      tmessage('RequestReconnectCall', { ThisDN: dn, ConnID: heldConnId, TransferConnID: currentConnId }),
    );
  }

  /** Moves a ringing call to `destination`. */
  redirectCall(dn: string, connId: ConnId, destination: string): Promise<TMessage> {
    return this.request(tmessage('RequestRedirectCall', { ThisDN: dn, ConnID: connId, OtherDN: destination }));
  }

  /** Releases every party of the call. */
  clearCall(dn: string, connId: ConnId): Promise<TMessage> {
    return this.request(tmessage('RequestClearCall', { ThisDN: dn, ConnID: connId }));
  }

  sendDtmf(dn: string, connId: ConnId, digits: string): Promise<TMessage> {
    return this.request(tmessage('RequestSendDTMF', { ThisDN: dn, ConnID: connId, DTMFDigits: digits }));
  }

  /** RequestQueryCall (PartiesQuery) -> EventPartyInfo, or EventError 56 if the call is gone. */
  queryCall(dn: string, connId: ConnId): Promise<TMessage> {
    return this.request(queryCallMessage(dn, connId));
  }
}
