/**
 * Reads a V8 heap snapshot file (`v8.writeHeapSnapshot`) as a stream of bytes. A snapshot of a 1 GB heap is a few GB
 * of JSON, past the largest string V8 can hold, so `JSON.parse` cannot read it: the `nodes` and `edges` arrays are
 * parsed straight into typed arrays, and each string of `strings` is kept to its first {@link STRING_PREFIX} bytes
 * (names of classes and properties are short; the strings' contents are not needed).
 *
 * Format: `{"snapshot":{"meta":{...},"node_count":N,"edge_count":E,...},"nodes":[...],"edges":[...],...,"strings":[...]}`.
 */
import { closeSync, openSync, readSync } from 'node:fs';

const STRING_PREFIX = 200;
const CHUNK_BYTES = 16 * 1024 * 1024;

export interface SnapshotMeta {
  readonly node_fields: readonly string[];
  readonly node_types: readonly [readonly string[], ...unknown[]];
  readonly edge_fields: readonly string[];
  readonly edge_types: readonly [readonly string[], ...unknown[]];
}

export interface HeapSnapshot {
  readonly meta: SnapshotMeta;
  readonly nodeCount: number;
  readonly edgeCount: number;
  /** `node_fields` per node, flat. */
  readonly nodes: Uint32Array;
  /** `edge_fields` per edge, flat; `to_node` is an offset into `nodes`. */
  readonly edges: Uint32Array;
  readonly strings: readonly string[];
}

const DIGIT_0 = 48;
const QUOTE = 34;
const BACKSLASH = 92;
const CLOSE_BRACKET = 93;

/** Pulls the file through in chunks; the parsers below consume it byte by byte. */
class ByteStream {
  private readonly buffer = Buffer.allocUnsafe(CHUNK_BYTES);
  private length = 0;
  position = 0;

  constructor(private readonly fd: number) {}

  /** The next chunk; false at the end of the file. */
  fill(): boolean {
    this.length = readSync(this.fd, this.buffer, 0, CHUNK_BYTES, null);
    this.position = 0;
    return this.length > 0;
  }

  get bytes(): Buffer {
    return this.buffer;
  }

  get end(): number {
    return this.length;
  }

  /**
   * Advances to just past `marker` (ASCII, whose first byte occurs in it only there, as in `"nodes":[`); returns what
   * came before it when `keep` (the header), else ''. Throws at the end of the file.
   */
  skipPast(marker: string, keep = false): string {
    const pattern = Buffer.from(marker, 'latin1');
    const kept: Buffer[] = [];
    let matched = 0;
    for (;;) {
      for (let i = this.position; i < this.length; i++) {
        const byte = this.buffer[i]!;
        if (byte === pattern[matched]) matched++;
        else matched = byte === pattern[0] ? 1 : 0;
        if (matched === pattern.length) {
          if (keep) kept.push(this.buffer.subarray(this.position, i + 1));
          this.position = i + 1;
          const text = Buffer.concat(kept).toString('latin1');
          return text.slice(0, text.length - pattern.length);
        }
      }
      if (keep) kept.push(Buffer.from(this.buffer.subarray(this.position, this.length)));
      if (!this.fill()) throw new Error(`heap snapshot: "${marker}" not found`);
    }
  }
}

/** Parses the unsigned integers of a JSON array (after its `[`) into `into`, up to its `]`; returns how many. */
function readIntegers(stream: ByteStream, into: Uint32Array): number {
  let count = 0;
  let value = 0;
  let inNumber = false;
  for (;;) {
    const bytes = stream.bytes;
    const end = stream.end;
    for (let i = stream.position; i < end; i++) {
      const byte = bytes[i]!;
      const digit = byte - DIGIT_0;
      if (digit >= 0 && digit <= 9) {
        value = value * 10 + digit;
        inNumber = true;
      } else {
        if (inNumber) {
          if (count >= into.length) throw new Error('heap snapshot: more numbers than its header says');
          into[count++] = value;
          value = 0;
          inNumber = false;
        }
        if (byte === CLOSE_BRACKET) {
          stream.position = i + 1;
          return count;
        }
      }
    }
    if (!stream.fill()) throw new Error('heap snapshot: the file ends inside an array');
  }
}

/** Parses the strings of a JSON array (after its `[`) up to its `]`, each cut to its first bytes. */
function readStrings(stream: ByteStream): string[] {
  const strings: string[] = [];
  let inString = false;
  let escaped = false;
  let hasEscape = false;
  let prefix: number[] = [];
  let truncated = false;
  const finish = (): void => {
    const raw = Buffer.from(prefix);
    let text: string;
    if (!hasEscape) text = raw.toString('utf8');
    else {
      try {
        text = JSON.parse(`"${raw.toString('utf8')}"`) as string;
      } catch {
        // Cut in the middle of an escape: what is left is enough to name a class.
        text = raw.toString('utf8');
      }
    }
    strings.push(truncated ? `${text}…` : text);
  };
  for (;;) {
    const bytes = stream.bytes;
    const end = stream.end;
    for (let i = stream.position; i < end; i++) {
      const byte = bytes[i]!;
      if (!inString) {
        if (byte === QUOTE) {
          inString = true;
          prefix = [];
          hasEscape = false;
          truncated = false;
        } else if (byte === CLOSE_BRACKET) {
          stream.position = i + 1;
          return strings;
        }
        continue;
      }
      if (escaped) escaped = false;
      else if (byte === BACKSLASH) {
        escaped = true;
        hasEscape = true;
      } else if (byte === QUOTE) {
        inString = false;
        finish();
        continue;
      }
      if (prefix.length < STRING_PREFIX) prefix.push(byte);
      else truncated = true;
    }
    if (!stream.fill()) throw new Error('heap snapshot: the file ends inside the strings');
  }
}

export function readHeapSnapshot(file: string): HeapSnapshot {
  const fd = openSync(file, 'r');
  try {
    const stream = new ByteStream(fd);
    if (!stream.fill()) throw new Error('heap snapshot: empty file');
    const header = stream.skipPast('"nodes":[', true);
    const { snapshot } = JSON.parse(`${header.replace(/,\s*$/, '')}}`) as {
      snapshot: { meta: SnapshotMeta; node_count: number; edge_count: number };
    };
    const { meta } = snapshot;
    const nodes = new Uint32Array(snapshot.node_count * meta.node_fields.length);
    const nodeValues = readIntegers(stream, nodes);
    stream.skipPast('"edges":[');
    const edges = new Uint32Array(snapshot.edge_count * meta.edge_fields.length);
    const edgeValues = readIntegers(stream, edges);
    if (nodeValues !== nodes.length || edgeValues !== edges.length)
      throw new Error(`heap snapshot: ${nodeValues} node and ${edgeValues} edge values, the header says otherwise`);
    stream.skipPast('"strings":[');
    const strings = readStrings(stream);
    return { meta, nodeCount: snapshot.node_count, edgeCount: snapshot.edge_count, nodes, edges, strings };
  } finally {
    closeSync(fd);
  }
}
