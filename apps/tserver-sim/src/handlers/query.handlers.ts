import { readTMessage } from '@gws/tlib';
import type { HandlerTable } from '../link/request-context';
import { addressInfoStatus, dnStatusExtensions, partyInfo } from '../switch/dn-status';

/** State queries: what a client reads back after a reconnect or a switchover. */
export const queryHandlers: HandlerTable = {
  RequestQueryAddress: {
    scope: 'query',
    handle(ctx) {
      const { attributes: a } = readTMessage(ctx.request, 'RequestQueryAddress');
      const entry = ctx.model.dns.require(a.ThisDN);
      ctx.reply('EventAddressInfo', {
        ThisDN: a.ThisDN,
        AddressInfoType: a.AddressInfoType,
        AddressInfoStatus: addressInfoStatus(ctx.model, entry, a.AddressInfoType),
        Extensions: dnStatusExtensions(ctx.model, a.ThisDN),
      });
    },
  },
  RequestQueryCall: {
    scope: 'switch',
    handle(ctx) {
      const { attributes: a } = readTMessage(ctx.request, 'RequestQueryCall');
      ctx.reply('EventPartyInfo', {
        ThisDN: a.ThisDN,
        ConnID: a.ConnID,
        CallInfoType: a.CallInfoType,
        ...partyInfo(ctx.model, a.ConnID),
      });
    },
  },
};
