import { KVList } from '@gws/tlib';
import { InvalidFilterError } from '../errors/invalid-filter.error';
import { decodeCfgFilter, encodeCfgFilter } from './cfg-filter';
import { CONFSERV_PROTOCOL } from './confserv-protocol';

describe('filters', () => {
  it('round-trips the public keys with their value kinds', () => {
    const filter = { user_name: 'agent1', dbid: 101, dn_type: 3, is_agent: 2 };
    expect(decodeCfgFilter(encodeCfgFilter(filter))).toEqual(filter);
  });

  it('refuses unknown keys, repeats and wrong kinds', () => {
    expect(() => encodeCfgFilter({ nickname: 'x' } as never)).toThrow(InvalidFilterError);
    expect(() => decodeCfgFilter(KVList.from({ dbid: '101' }))).toThrow(/filter key "dbid": expected an integer/);
    expect(() => decodeCfgFilter(new KVList().add('name', 'a').add('name', 'b'))).toThrow(/given twice/);
  });
});

describe('registry', () => {
  it('borrows the public CfgEventType numbers for events and keeps one id per name', () => {
    expect(CONFSERV_PROTOCOL.messageId('EventError')).toBe(0);
    expect(CONFSERV_PROTOCOL.messageId('EventObjectsRead')).toBe(6);
    expect(CONFSERV_PROTOCOL.messageId('EventObjectsSent')).toBe(8);
    expect(CONFSERV_PROTOCOL.messageId('EventAuthenticated')).toBe(37);
    const ids = CONFSERV_PROTOCOL.messageEntries().map(([id]) => id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(CONFSERV_PROTOCOL.attribute('BATRCFG_FILTER').type).toBe('kvlist');
  });
});
