import { ForwardMode, tmessage, type AddressInfoType, type EnumValue, type TMessage } from '@gws/tlib';
import { queryAddressMessage } from './dn-messages';
import type { RequestFn } from './request-fn';

/** DN features and queries (registration itself is on TServerClient, which remembers it for re-sync). */
export class DnRequests {
  constructor(private readonly request: RequestFn) {}

  /** RequestQueryAddress -> EventAddressInfo. */
  queryAddress(dn: string, infoType: EnumValue<typeof AddressInfoType>): Promise<TMessage> {
    return this.request(queryAddressMessage(dn, infoType));
  }

  /** RequestSetDNDOn / RequestSetDNDOff -> EventDNDOn / EventDNDOff. */
  setDnd(dn: string, on: boolean): Promise<TMessage> {
    return this.request(tmessage(on ? 'RequestSetDNDOn' : 'RequestSetDNDOff', { ThisDN: dn }));
  }

  /** RequestCallForwardSet -> EventForwardSet. */
  forwardSet(
    dn: string,
    destination: string,
    mode: EnumValue<typeof ForwardMode> = ForwardMode.Unconditional,
  ): Promise<TMessage> {
    return this.request(tmessage('RequestCallForwardSet', { ThisDN: dn, OtherDN: destination, ForwardMode: mode }));
  }

  /** RequestCallForwardCancel -> EventForwardCancel. */
  forwardCancel(dn: string): Promise<TMessage> {
    return this.request(tmessage('RequestCallForwardCancel', { ThisDN: dn }));
  }
}
