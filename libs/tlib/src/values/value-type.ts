import type { KVList } from './kvlist';
import type { TimeStamp } from './timestamp';

/** The value types an attribute can hold. The wire profile gives each a one-byte tag. */
export type ValueType = 'int' | 'long' | 'connid' | 'string' | 'binary' | 'kvlist' | 'timestamp';

/**
 * A T-Server ConnID: 64 bits, carried in the API as 16 lower-case hex digits (`"006e02a9c4b1d001"`), the way
 * T-Server logs and GWS `connId` show it. A string keeps JSON and Map keys simple where a bigint would not.
 */
export type ConnId = string;

/** The JavaScript type of each value type. */
export interface ValueTypeMap {
  int: number;
  long: number;
  connid: ConnId;
  string: string;
  binary: Uint8Array;
  kvlist: KVList;
  timestamp: TimeStamp;
}

export type AttributeValue = ValueTypeMap[ValueType];
