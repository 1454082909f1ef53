/**
 * Where a process's CPU went between two instants, read from a V8 CPU profile (`--cpu-prof`): sample time by
 * category. Written by hand because the profile format is plain JSON and no kept library summarises it by stack.
 *
 * A sample's category is the first frame, walking from the leaf towards the root, that a rule claims; so time in
 * Node's internals counts for the code that called them (a socket write from cometd-nodejs-server is CometD's), and
 * a GWS service calling the Configuration Server client counts as the client's. Samples with no claimed frame are
 * `node`: Node's own work (HTTP parsing, sockets, timers) started from the event loop rather than from our code.
 */
import { readFileSync } from 'node:fs';

interface CallFrame {
  readonly functionName: string;
  readonly url: string;
}

interface ProfileNode {
  readonly id: number;
  readonly callFrame: CallFrame;
  readonly children?: readonly number[];
}

/** The parts of a `.cpuprofile` this reads; times in µs of CLOCK_MONOTONIC (process.hrtime's clock). */
export interface CpuProfile {
  readonly nodes: readonly ProfileNode[];
  readonly startTime: number;
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

/** Categories, first match wins on each frame. */
const RULES: readonly (readonly [category: string, test: (frame: CallFrame) => boolean])[] = [
  ['gc', (f) => f.functionName === '(garbage collector)'],
  ['idle', (f) => f.functionName === '(idle)'],
  ['tlibCodec', (f) => f.url.includes('/libs/tlib/')],
  ['linkFraming', (f) => f.url.includes('/libs/framed-link/')],
  ['confservClient', (f) => f.url.includes('/libs/confserv/') || f.url.includes('/libs/directory/')],
  ['tserverClient', (f) => f.url.includes('/libs/tserver-client/')],
  ['auth', (f) => f.url.includes('/apps/gws/src/auth/') || /node_modules\/passport/.test(f.url)],
  [
    'cometd',
    (f) => f.url.includes('/apps/gws/src/notifications/') || f.url.includes('node_modules/cometd-nodejs-server'),
  ],
  ['voice', (f) => f.url.includes('/apps/gws/src/voice/') || f.url.includes('/apps/gws/src/me/')],
  ['gwsOther', (f) => f.url.includes('/apps/gws/src/') || f.url.includes('/libs/')],
  ['httpFramework', (f) => f.url.includes('/node_modules/')],
];

export function readCpuProfile(file: string): CpuProfile {
  return JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
}

/** Milliseconds of samples by category in [fromUs, toUs), `program` included (V8's own unattributed work). */
export function cpuByCategory(profile: CpuProfile, fromUs: number, toUs: number): Record<string, number> {
  const parentOf = new Map<number, number>();
  const byId = new Map<number, ProfileNode>();
  for (const node of profile.nodes) {
    byId.set(node.id, node);
    for (const child of node.children ?? []) parentOf.set(child, node.id);
  }
  const categoryOf = new Map<number, string>();
  const classify = (leaf: number): string => {
    const known = categoryOf.get(leaf);
    if (known !== undefined) return known;
    let category = 'node';
    for (let id: number | undefined = leaf; id !== undefined; id = parentOf.get(id)) {
      const frame = byId.get(id)!.callFrame;
      if (frame.functionName === '(program)') {
        category = 'program';
        break;
      }
      const rule = RULES.find(([, test]) => test(frame));
      if (rule !== undefined) {
        category = rule[0];
        break;
      }
    }
    categoryOf.set(leaf, category);
    return category;
  };
  const totals: Record<string, number> = {};
  let at = profile.startTime;
  profile.samples.forEach((sample, index) => {
    at += profile.timeDeltas[index] ?? 0;
    if (at < fromUs || at >= toUs) return;
    const category = classify(sample);
    // A sample stands for the time since the previous one.
    totals[category] = (totals[category] ?? 0) + (profile.timeDeltas[index] ?? 0) / 1000;
  });
  return totals;
}
