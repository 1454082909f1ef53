/**
 * Where the memory of a heap snapshot goes, per session of the run:
 *
 * - `topBySelfSize`: classes by the bytes of their own instances (the DevTools Summary's "shallow size");
 * - `topByRetained`: classes by what their instances retain (what would be freed without them), counting only the
 *   instances no other instance of the same class retains, so that nested ones are not counted twice; classes do
 *   overlap (a session's listeners are inside the session);
 * - `perSessionOwners`: the classes with about one to three instances per session, with what each one's dominated
 *   subtree is made of (`composition`), which is how the per-session bytes break down.
 */
import { dominators, type Dominators } from './capacity-heap-dominators';
import { HeapGraph } from './capacity-heap-graph';
import type { HeapSnapshot } from './capacity-heap-snapshot';

export interface ClassFigures {
  readonly className: string;
  readonly count: number;
  readonly mb: number;
  readonly bytesPerSession: number;
}

export interface OwnerFigures extends ClassFigures {
  /** The classes of what the owner's instances retain, largest first. */
  readonly composition: readonly ClassFigures[];
}

export interface HeapSummary {
  readonly nodes: number;
  readonly edges: number;
  /** Retained size of the root: the bytes of everything reachable. */
  readonly reachableMb: number;
  readonly sessions: number;
  readonly topBySelfSize: readonly ClassFigures[];
  readonly topByRetained: readonly ClassFigures[];
  readonly perSessionOwners: readonly OwnerFigures[];
}

/** What capacity-heap-child.ts answers over IPC. */
export interface HeapSummaryMessage {
  readonly type: 'summary';
  readonly summary: HeapSummary;
  readonly readMs: number;
  readonly summariseMs: number;
}

export function isHeapSummaryMessage(
  value: unknown,
): value is HeapSummaryMessage | { type: 'failed'; message: string } {
  const type = typeof value === 'object' && value !== null ? (value as { type?: unknown }).type : undefined;
  return type === 'summary' || type === 'failed';
}

const MB = 1024 * 1024;
const TOP = 25;
const OWNERS = 6;
const COMPOSITION = 10;

/** Count, bytes and bytes per session of each class, largest first, the first `top`. */
function ranked(graph: HeapGraph, counts: Float64Array, bytes: Float64Array, sessions: number, top: number) {
  return graph.classNames
    .map((className, id) => ({
      className,
      count: counts[id]!,
      mb: Math.round((bytes[id]! / MB) * 10) / 10,
      bytesPerSession: sessions === 0 ? 0 : Math.round(bytes[id]! / sessions),
      bytes: bytes[id]!,
    }))
    .filter((row) => row.count > 0)
    .sort((a, b) => b.bytes - a.bytes)
    .slice(0, top)
    .map(({ bytes: _bytes, ...row }) => row);
}

/** Retained bytes and count of each class's outermost instances (a depth-first walk of the dominator tree). */
function retainedByClass(graph: HeapGraph, tree: Dominators): { counts: Float64Array; bytes: Float64Array } {
  const { order, reachable, idom, retained } = tree;
  const childStart = new Uint32Array(graph.nodeCount + 1);
  for (let i = 0; i < reachable; i++) if (order[i] !== 0) childStart[idom[order[i]!]! + 1]!++;
  for (let n = 0; n < graph.nodeCount; n++) childStart[n + 1]! += childStart[n]!;
  const children = new Uint32Array(childStart[graph.nodeCount]!);
  const fill = childStart.slice(0, graph.nodeCount);
  for (let i = 0; i < reachable; i++) if (order[i] !== 0) children[fill[idom[order[i]!]!]!++] = order[i]!;

  const counts = new Float64Array(graph.classNames.length);
  const bytes = new Float64Array(graph.classNames.length);
  const onPath = new Uint32Array(graph.classNames.length);
  const stack = new Uint32Array(reachable);
  const next = new Uint32Array(reachable);
  let depth = 1;
  next[0] = childStart[0]!;
  onPath[graph.classOf[0]!]!++;
  while (depth > 0) {
    const node = stack[depth - 1]!;
    const i = next[depth - 1]!;
    if (i < childStart[node + 1]!) {
      next[depth - 1] = i + 1;
      const child = children[i]!;
      const id = graph.classOf[child]!;
      if (onPath[id] === 0) {
        counts[id]!++;
        bytes[id]! += retained[child]!;
      }
      onPath[id]!++;
      stack[depth] = child;
      next[depth] = childStart[child]!;
      depth++;
    } else {
      onPath[graph.classOf[node]!]!--;
      depth--;
    }
  }
  return { counts, bytes };
}

/** What the outermost instances of class `owner` retain, by class (parents before children: reverse postorder). */
function compositionOf(graph: HeapGraph, tree: Dominators, owner: number, sessions: number): ClassFigures[] {
  const owned = new Uint8Array(graph.nodeCount);
  const counts = new Float64Array(graph.classNames.length);
  const bytes = new Float64Array(graph.classNames.length);
  for (let i = tree.reachable - 2; i >= 0; i--) {
    const node = tree.order[i]!;
    if (owned[tree.idom[node]!] !== 1 && graph.classOf[node] !== owner) continue;
    owned[node] = 1;
    counts[graph.classOf[node]!]!++;
    bytes[graph.classOf[node]!]! += graph.selfSize[node]!;
  }
  return ranked(graph, counts, bytes, sessions, COMPOSITION);
}

/** A class that stands for one thing per session: about one to three instances each, and a name of its own. */
const perSession = (row: ClassFigures, sessions: number): boolean =>
  row.count >= 0.97 * sessions &&
  row.count <= 3.05 * sessions &&
  !row.className.startsWith('(') &&
  !row.className.startsWith('system /') &&
  !['Array', 'Map', 'Set', 'Object{}', 'Object{__proto__}'].includes(row.className);

export function summariseHeap(snapshot: HeapSnapshot, sessions: number): HeapSummary {
  const graph = new HeapGraph(snapshot);
  const tree = dominators(graph);
  const selfCounts = new Float64Array(graph.classNames.length);
  const selfBytes = new Float64Array(graph.classNames.length);
  for (let i = 0; i < tree.reachable; i++) {
    const node = tree.order[i]!;
    selfCounts[graph.classOf[node]!]!++;
    selfBytes[graph.classOf[node]!]! += graph.selfSize[node]!;
  }
  const byRetained = retainedByClass(graph, tree);
  const topByRetained = ranked(graph, byRetained.counts, byRetained.bytes, sessions, graph.classNames.length);
  const perSessionOwners = topByRetained
    .filter((row) => perSession(row, sessions))
    .slice(0, OWNERS)
    .map((row) => ({
      ...row,
      composition: compositionOf(graph, tree, graph.classNames.indexOf(row.className), sessions),
    }));
  return {
    nodes: snapshot.nodeCount,
    edges: snapshot.edgeCount,
    reachableMb: Math.round((tree.retained[0]! / MB) * 10) / 10,
    sessions,
    topBySelfSize: ranked(graph, selfCounts, selfBytes, sessions, TOP),
    topByRetained: topByRetained.slice(0, TOP),
    perSessionOwners,
  };
}
