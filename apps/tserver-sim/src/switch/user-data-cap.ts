import { checkKVListSize, KVListTooLargeError, TErrorCode, type KVList } from '@gws/tlib';
import { TServerError } from './tserver-error';

/** @throws TServerError 53 when the packed list is over the cap */
export function checkUserDataSize(list: KVList, capBytes: number): void {
  try {
    checkKVListSize(list, capBytes);
  } catch (error) {
    if (error instanceof KVListTooLargeError) {
      throw new TServerError(TErrorCode.InvalidAttribute, `UserData too large: ${error.message}`);
    }
    throw error;
  }
}
