import type { NodeInfo } from '@gws/stores';
import { standbyOf, wardsOf } from './standby-wards';

const node = (nodeId: string, draining = false, standby?: boolean): NodeInfo => ({
  nodeId,
  internalUrl: `http://${nodeId}`,
  startedAt: 0,
  draining,
  ...(standby === undefined ? {} : { standby }),
});

describe('wardsOf', () => {
  it('makes the next node by id the standby of each, round the ring', () => {
    const alive = [node('c'), node('a'), node('b')];
    expect(wardsOf(alive, 'a')).toEqual(new Set(['c']));
    expect(wardsOf(alive, 'b')).toEqual(new Set(['a']));
    expect(wardsOf(alive, 'c')).toEqual(new Set(['b']));
  });

  it('pairs two nodes with each other and leaves a node alone with nobody', () => {
    expect(wardsOf([node('a'), node('b')], 'a')).toEqual(new Set(['b']));
    expect(wardsOf([node('a'), node('b')], 'b')).toEqual(new Set(['a']));
    expect(wardsOf([node('a')], 'a')).toEqual(new Set());
  });

  it('gives a draining node a standby but makes it nobody’s', () => {
    const alive = [node('a'), node('b', true), node('c')];
    expect(wardsOf(alive, 'c')).toEqual(new Set(['a', 'b']));
    expect(wardsOf(alive, 'a')).toEqual(new Set(['c']));
    expect(wardsOf(alive, 'b')).toEqual(new Set());
  });

  it('stands by for nobody while this node is not among the alive', () => {
    expect(wardsOf([node('b'), node('c')], 'a')).toEqual(new Set());
  });

  it('leaves out of the ring a node that does not stand by (NODE_STANDBY=false)', () => {
    const alive = [node('a'), node('b', false, false), node('c')];
    expect(wardsOf(alive, 'b')).toEqual(new Set());
    expect(wardsOf(alive, 'c')).toEqual(new Set(['a', 'b']));
    expect(standbyOf('a', alive)).toBe('c');
  });

  it('names the standby of a node already gone from the registry, for the requests of its agents', () => {
    const alive = [node('a'), node('c')];
    expect(standbyOf('b', alive)).toBe('c');
    expect(standbyOf('d', alive)).toBe('a');
    expect(standbyOf('b', [])).toBeUndefined();
  });
});
