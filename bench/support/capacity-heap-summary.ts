/**
 * Where the memory of a heap snapshot goes: self size and count by class (the constructor name of objects, as the
 * DevTools "Summary" view groups them), and the retained size of chosen classes.
 *
 * The retained size of a set S of nodes is what would be freed without S: the bytes reachable from the root, minus
 * the bytes still reachable when the walk may not enter S (two breadth-first walks over the strong edges; weak edges
 * keep nothing alive). That is the sum of the DevTools retained sizes of S's members when none retains another, and
 * it needs no dominator tree.
 */
import type { HeapSnapshot } from './capacity-heap-snapshot';

export interface ClassFigures {
  readonly className: string;
  readonly count: number;
  readonly selfMb: number;
  /** Self size / sessions. */
  readonly selfBytesPerSession: number;
}

export interface RetainedFigures {
  readonly className: string;
  readonly count: number;
  readonly retainedMb: number;
  readonly retainedBytesPerSession: number;
}

export interface HeapSummary {
  readonly nodes: number;
  readonly edges: number;
  /** Self sizes of every node reachable from the root. */
  readonly reachableMb: number;
  readonly sessions: number;
  readonly topBySelfSize: readonly ClassFigures[];
  readonly retained: readonly RetainedFigures[];
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
const mb = (bytes: number): number => Math.round((bytes / MB) * 10) / 10;

/** The snapshot's fields by name, its edges by node, and each node's class. */
class SnapshotGraph {
  readonly nodeCount: number;
  readonly firstEdge: Uint32Array;
  readonly selfSize: Float64Array;
  readonly classOf: Uint32Array;
  readonly classNames: string[] = [];
  private readonly nodeStride: number;
  private readonly edgeStride: number;
  private readonly edgeToNode: number;
  private readonly edgeTypeField: number;
  private readonly weakEdgeType: number;

  constructor(private readonly snapshot: HeapSnapshot) {
    const { meta, nodes, edges } = snapshot;
    this.nodeStride = meta.node_fields.length;
    this.edgeStride = meta.edge_fields.length;
    this.edgeToNode = meta.edge_fields.indexOf('to_node');
    this.edgeTypeField = meta.edge_fields.indexOf('type');
    this.weakEdgeType = meta.edge_types[0].indexOf('weak');
    const typeField = meta.node_fields.indexOf('type');
    const nameField = meta.node_fields.indexOf('name');
    const sizeField = meta.node_fields.indexOf('self_size');
    const edgeCountField = meta.node_fields.indexOf('edge_count');
    const nodeTypes = meta.node_types[0];
    this.nodeCount = snapshot.nodeCount;
    this.firstEdge = new Uint32Array(this.nodeCount + 1);
    this.selfSize = new Float64Array(this.nodeCount);
    this.classOf = new Uint32Array(this.nodeCount);
    const classIds = new Map<string, number>();
    let edgeIndex = 0;
    for (let n = 0; n < this.nodeCount; n++) {
      const base = n * this.nodeStride;
      this.firstEdge[n] = edgeIndex;
      edgeIndex += nodes[base + edgeCountField]!;
      this.selfSize[n] = nodes[base + sizeField]!;
      const type = nodeTypes[nodes[base + typeField]!] ?? 'unknown';
      const name = snapshot.strings[nodes[base + nameField]!] ?? '';
      const className = type === 'object' || type === 'native' ? name : `(${type})`;
      let id = classIds.get(className);
      if (id === undefined) {
        id = this.classNames.length;
        classIds.set(className, id);
        this.classNames.push(className);
      }
      this.classOf[n] = id;
    }
    this.firstEdge[this.nodeCount] = edgeIndex;
    if (edgeIndex * this.edgeStride !== edges.length) throw new Error('heap snapshot: edge counts do not add up');
  }

  /** Bytes reachable from the root (node 0) over strong edges, never entering a node for which `blocked` is true. */
  reachableBytes(blocked: (node: number) => boolean, seen = new Uint8Array(this.nodeCount)): number {
    const { edges } = this.snapshot;
    const queue = new Uint32Array(this.nodeCount);
    let head = 0;
    let tail = 0;
    queue[tail++] = 0;
    seen[0] = 1;
    let bytes = 0;
    while (head < tail) {
      const node = queue[head++]!;
      bytes += this.selfSize[node]!;
      for (let e = this.firstEdge[node]!; e < this.firstEdge[node + 1]!; e++) {
        const base = e * this.edgeStride;
        if (edges[base + this.edgeTypeField] === this.weakEdgeType) continue;
        const target = edges[base + this.edgeToNode]! / this.nodeStride;
        if (seen[target] === 1 || blocked(target)) continue;
        seen[target] = 1;
        queue[tail++] = target;
      }
    }
    return bytes;
  }
}

/**
 * The top `top` classes by self size, and the retained size of `retainedClasses` (each on its own), per session of
 * `sessions`.
 */
export function summariseHeap(
  snapshot: HeapSnapshot,
  sessions: number,
  retainedClasses: readonly string[],
  top = 25,
): HeapSummary {
  const graph = new SnapshotGraph(snapshot);
  const reachable = new Uint8Array(graph.nodeCount);
  const reachableBytes = graph.reachableBytes(() => false, reachable);
  const perSession = (bytes: number): number => (sessions === 0 ? 0 : Math.round(bytes / sessions));

  const counts = new Float64Array(graph.classNames.length);
  const sizes = new Float64Array(graph.classNames.length);
  for (let n = 0; n < graph.nodeCount; n++) {
    if (reachable[n] !== 1) continue;
    counts[graph.classOf[n]!]!++;
    sizes[graph.classOf[n]!]! += graph.selfSize[n]!;
  }
  const topBySelfSize = graph.classNames
    .map((className, id) => ({ className, count: counts[id]!, bytes: sizes[id]! }))
    .sort((a, b) => b.bytes - a.bytes)
    .slice(0, top)
    .map(({ className, count, bytes }) => ({
      className,
      count,
      selfMb: mb(bytes),
      selfBytesPerSession: perSession(bytes),
    }));

  const retained = retainedClasses.map((className) => {
    const id = graph.classNames.indexOf(className);
    if (id < 0) return { className, count: 0, retainedMb: 0, retainedBytesPerSession: 0 };
    const without = graph.reachableBytes((node) => graph.classOf[node] === id);
    const bytes = reachableBytes - without;
    return { className, count: counts[id]!, retainedMb: mb(bytes), retainedBytesPerSession: perSession(bytes) };
  });

  return {
    nodes: snapshot.nodeCount,
    edges: snapshot.edgeCount,
    reachableMb: mb(reachableBytes),
    sessions,
    topBySelfSize,
    retained,
  };
}
