import type { NodeInfo } from '@gws/stores';
import { wardsOf } from './standby-wards';

const node = (nodeId: string, draining = false): NodeInfo => ({
  nodeId,
  internalUrl: `http://${nodeId}`,
  startedAt: 0,
  draining,
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
});
