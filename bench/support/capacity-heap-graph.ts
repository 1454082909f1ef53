/**
 * A heap snapshot (capacity-heap-snapshot.ts) as a graph: each node's edges, which of them retain (weak edges do not,
 * nor shortcuts except the root's, as DevTools has it), each node's self size, and
 * each node's class: the constructor name of an object, `(<type>)` for the rest (`(string)`, `(closure)`, ...).
 * Plain object literals, which are most of a Node heap and all share the class `Object`, are told apart by the first
 * four of their property names in sorted order (`Object{callUuid,connId,id,state}`), which names them in the summary.
 */
import type { HeapSnapshot } from './capacity-heap-snapshot';

const LITERAL_PROPERTIES = 4;

export class HeapGraph {
  readonly nodeCount: number;
  /** Edges of node n: first[n] .. first[n + 1] - 1. */
  readonly first: Uint32Array;
  readonly selfSize: Float64Array;
  readonly classOf: Uint32Array;
  readonly classNames: string[] = [];
  private readonly edges: Uint32Array;
  private readonly edgeStride: number;
  private readonly nodeStride: number;
  private readonly toField: number;
  private readonly typeField: number;
  private readonly weak: number;
  private readonly shortcut: number;

  constructor(snapshot: HeapSnapshot) {
    const { meta, nodes, strings } = snapshot;
    const stride = meta.node_fields.length;
    const field = (name: string): number => meta.node_fields.indexOf(name);
    const [typeField, nameField, sizeField, edgeCountField] = ['type', 'name', 'self_size', 'edge_count'].map(field);
    const edgeTypes = meta.edge_types[0];
    this.edges = snapshot.edges;
    this.nodeStride = stride;
    this.edgeStride = meta.edge_fields.length;
    this.toField = meta.edge_fields.indexOf('to_node');
    this.typeField = meta.edge_fields.indexOf('type');
    const edgeNameField = meta.edge_fields.indexOf('name_or_index');
    this.weak = edgeTypes.indexOf('weak');
    this.shortcut = edgeTypes.indexOf('shortcut');
    const property = edgeTypes.indexOf('property');
    this.nodeCount = snapshot.nodeCount;
    this.first = new Uint32Array(this.nodeCount + 1);
    this.selfSize = new Float64Array(this.nodeCount);
    this.classOf = new Uint32Array(this.nodeCount);
    let edge = 0;
    for (let n = 0; n < this.nodeCount; n++) {
      this.first[n] = edge;
      edge += nodes[n * stride + edgeCountField!]!;
      this.selfSize[n] = nodes[n * stride + sizeField!]!;
    }
    this.first[this.nodeCount] = edge;
    if (edge * this.edgeStride !== this.edges.length) throw new Error('heap snapshot: edge counts do not add up');

    const ids = new Map<string, number>();
    const nodeTypes = meta.node_types[0];
    for (let n = 0; n < this.nodeCount; n++) {
      const type = nodeTypes[nodes[n * stride + typeField!]!] ?? 'unknown';
      let name =
        type === 'object' || type === 'native' ? (strings[nodes[n * stride + nameField!]!] ?? '') : `(${type})`;
      if (name === 'Object' && type === 'object')
        name = `Object{${this.firstProperties(n, strings, property, edgeNameField)}}`;
      let id = ids.get(name);
      if (id === undefined) {
        id = this.classNames.length;
        ids.set(name, id);
        this.classNames.push(name);
      }
      this.classOf[n] = id;
    }
  }

  /**
   * The first names, sorted, of a literal's properties: sorted because a literal with many properties is a hash table
   * whose order changes from run to run (cometd-nodejs-server's sessions are literals of ~50 closures).
   */
  private firstProperties(node: number, strings: readonly string[], property: number, nameField: number): string {
    const names: string[] = [];
    for (let e = this.first[node]!; e < this.first[node + 1]!; e++) {
      const base = e * this.edgeStride;
      const name = strings[this.edges[base + nameField]!]!;
      if (this.edges[base + this.typeField] === property && name !== '__proto__') names.push(name);
    }
    return names.sort().slice(0, LITERAL_PROPERTIES).join(',');
  }

  /** Whether edge `e` of node `from` keeps its target alive (as DevTools has it: shortcuts only from the root). */
  retains(e: number, from: number): boolean {
    const type = this.edges[e * this.edgeStride + this.typeField];
    return type !== this.weak && (type !== this.shortcut || from === 0);
  }

  /** The node edge `e` points to. */
  target(e: number): number {
    return this.edges[e * this.edgeStride + this.toField]! / this.nodeStride;
  }
}
