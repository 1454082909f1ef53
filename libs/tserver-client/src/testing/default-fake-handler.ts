import { messageSpec, TErrorCode, type TMessage } from '@gws/tlib';
import type { FakeReply, FakeTServer } from './fake-tserver';

/**
 * Enough of a T-Server for the client to register and re-sync: EventServerInfo (primary), EventRegistered,
 * EventAddressInfo (status 0), EventError 56 for RequestQueryCall, EventACK for everything else.
 */
export function defaultFakeHandler(request: TMessage, reply: FakeReply, server: FakeTServer): void {
  const { ThisDN, AddressInfoType } = request.attributes;
  switch (request.name) {
    case 'RequestRegisterClient':
      return reply('EventServerInfo', { ServerRole: server.serverRole, ServerVersion: 'fake 1.0' });
    case 'RequestRegisterAddress':
      return reply('EventRegistered', { ThisDN });
    case 'RequestUnregisterAddress':
      return reply('EventUnregistered', { ThisDN });
    case 'RequestQueryAddress':
      return reply('EventAddressInfo', { ThisDN, AddressInfoType, AddressInfoStatus: 0 });
    case 'RequestQueryCall':
      return reply('EventError', { ErrorCode: TErrorCode.InvalidConnId, ErrorMessage: 'Invalid connection ID' });
    default:
      if (messageSpec(request.name)?.reply !== undefined) return reply('EventACK');
      return reply('EventError', { ErrorCode: TErrorCode.UnsupportedOperation });
  }
}
