import type { NodeInfo } from '@gws/stores';
import { watchNodes } from './dead-nodes';

const node = (nodeId: string, draining = false): NodeInfo => ({
  nodeId,
  internalUrl: `http://${nodeId}:8080`,
  startedAt: 0,
  draining,
});

describe('watchNodes', () => {
  it('remembers the other serving nodes and finds no dead one at first', () => {
    const watch = watchNodes(new Set(), [node('me'), node('a'), node('b')], 'me');
    expect([...watch.seen].sort()).toEqual(['a', 'b']);
    expect(watch.dead).toEqual([]);
  });

  it('finds a node seen before that is no longer alive, and keeps it until it is taken over', () => {
    const watch = watchNodes(new Set(['a', 'b']), [node('me'), node('b')], 'me');
    expect(watch.dead).toEqual(['a']);
    expect([...watch.seen].sort()).toEqual(['a', 'b']);
  });

  it('counts a draining node as dead, seen before or not, and never this node', () => {
    const watch = watchNodes(new Set(['a']), [node('me', true), node('a', true), node('c', true)], 'me');
    expect([...watch.dead].sort()).toEqual(['a', 'c']);
    expect([...watch.seen]).toEqual(['a']);
  });

  it('a node back under the same id serves again', () => {
    expect(watchNodes(new Set(['a']), [node('a')], 'me').dead).toEqual([]);
  });
});
