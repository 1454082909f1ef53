import { KVList } from '@gws/tlib';
import { commandTable } from '../../common/operations/command';
import { deviceOperation } from '../../voice/device-operation';
import type { KvPair } from '../common/kv-list';
import { UserEventDataDto } from './dto/agent-data.dto';

/** A user event as T-Server takes it: the pairs in their order and types, and the call it is about. */
export interface UserEventParams {
  readonly userData: KVList;
  readonly connId?: string;
}

/** A v3 KV list as a T-Lib list: duplicates, types and nesting kept. */
export function kvListToTlib(pairs: readonly KvPair[]): KVList {
  const list = new KVList();
  for (const pair of pairs) list.add(pair.key, pair.type === 'kvlist' ? kvListToTlib(pair.value) : pair.value);
  return list;
}

/**
 * `send-user-event` has no v2 operation: it is a command of this surface alone, written as the v2 device commands
 * are (docs/operations.md) and run through the same service, so its failure is announced the same way.
 */
export const USER_EVENT_COMMANDS = commandTable({
  SendUserEvent: deviceOperation({
    dto: UserEventDataDto,
    params: (data): UserEventParams => ({ userData: kvListToTlib(data.userData) }),
    send: ({ userData, connId }, dn, tserver) => tserver.userData.distributeUserEvent(dn, userData, connId),
  }),
});
