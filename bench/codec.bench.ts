import { availableParallelism, loadavg } from 'node:os';
import { createTlibCodec, type TMessage } from '@gws/tlib';
import { readEveryValue, sampleEventRinging, samplePlainObject } from './codec-sample';

/**
 * T-Lib codec throughput against JSON on the same message, in one process. Every case is warmed up; then ROUNDS
 * rounds each time all the cases in turn for about ROUND_MS each (interleaved, so load from other processes hits
 * them alike), and each case reports its median round. `decode` repeats one frame, as a link sees the same keys and
 * DNs over and over; `decodeDistinctCalls` cycles through frames of 4,096 different calls. Both use the default
 * codec, whose user data builds its pairs on first read; `decodeAndRead` then reads every value and pair, as a
 * consumer that forwards the whole event does (the cost to set against `jsonParse`, whose result is all built), and
 * `decodeEager` builds everything at decode time (`deferKVLists: false`). Prints one JSON object, with the machine's
 * load averages before and after: the ratios, measured in the same rounds, are what load does not skew.
 */
const WARMUP_MS = 1000;
const ROUND_MS = 1000;
const ROUNDS = 5;
const BATCH = 1000;
const DISTINCT_CALLS = 4096;

interface Case {
  readonly name:
    'encode' | 'decode' | 'decodeDistinctCalls' | 'decodeAndRead' | 'decodeEager' | 'jsonStringify' | 'jsonParse';
  readonly bytesPerMessage: number;
  readonly run: () => void;
}

interface Rate {
  readonly messagesPerSecond: number;
  readonly megabytesPerSecond: number;
}

/** Runs `run` in batches for about `ms` and returns calls per second. */
function callsPerSecond(run: () => void, ms: number): number {
  const start = process.hrtime.bigint();
  const deadline = start + BigInt(ms) * 1_000_000n;
  let count = 0;
  let now = start;
  while (now < deadline) {
    for (let index = 0; index < BATCH; index++) run();
    count += BATCH;
    now = process.hrtime.bigint();
  }
  return count / (Number(now - start) / 1e9);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** The 1, 5 and 15 minute load averages, two decimals. */
function load(): number[] {
  return loadavg().map((value) => Math.round(value * 100) / 100);
}

function main(): void {
  const loadBefore = load();
  const codec = createTlibCodec();
  const eager = createTlibCodec({ deferKVLists: false });
  const message = sampleEventRinging();
  const frame = codec.encode(message);
  // The same event for many different calls: per-call strings then miss the decoder's string cache.
  const distinctFrames = Array.from({ length: DISTINCT_CALLS }, (_, variant) =>
    Buffer.from(codec.encode(sampleEventRinging(variant + 1))),
  );
  let next = 0;
  const plain = samplePlainObject(message);
  const json = JSON.stringify(plain);
  const jsonBytes = Buffer.byteLength(json);

  // Results go to a sink so that no call can be optimised away.
  let sink: unknown;
  const decoder = codec.createDecoder({ onMessage: (decoded: TMessage) => (sink = decoded) });
  const reader = codec.createDecoder({ onMessage: (decoded: TMessage) => (sink = readEveryValue(decoded)) });
  const eagerDecoder = eager.createDecoder({ onMessage: (decoded: TMessage) => (sink = decoded) });
  const cases: Case[] = [
    { name: 'encode', bytesPerMessage: frame.length, run: () => (sink = codec.encode(message)) },
    { name: 'decode', bytesPerMessage: frame.length, run: () => decoder.push(frame) },
    {
      name: 'decodeDistinctCalls',
      bytesPerMessage: frame.length,
      run: () => decoder.push(distinctFrames[(next = (next + 1) % DISTINCT_CALLS)]!),
    },
    { name: 'decodeAndRead', bytesPerMessage: frame.length, run: () => reader.push(frame) },
    { name: 'decodeEager', bytesPerMessage: frame.length, run: () => eagerDecoder.push(frame) },
    { name: 'jsonStringify', bytesPerMessage: jsonBytes, run: () => (sink = JSON.stringify(plain)) },
    { name: 'jsonParse', bytesPerMessage: jsonBytes, run: () => (sink = JSON.parse(json) as unknown) },
  ];

  for (const { run } of cases) callsPerSecond(run, WARMUP_MS);
  const rounds = new Map(cases.map(({ name }) => [name, [] as number[]]));
  for (let round = 0; round < ROUNDS; round++) {
    for (const { name, run } of cases) rounds.get(name)!.push(callsPerSecond(run, ROUND_MS));
  }
  if (sink === undefined) throw new Error('the benchmark produced nothing');

  const rates = Object.fromEntries(
    cases.map(({ name, bytesPerMessage }) => {
      const perSecond = median(rounds.get(name)!);
      const rate: Rate = {
        messagesPerSecond: Math.round(perSecond),
        megabytesPerSecond: Math.round((perSecond * bytesPerMessage) / 1e5) / 10,
      };
      return [name, rate];
    }),
  ) as Record<Case['name'], Rate>;
  const ratio = (a: Rate, b: Rate): number => Math.round((a.messagesPerSecond / b.messagesPerSecond) * 100) / 100;

  const result = {
    benchmark: 'T-Lib codec (open-gws/1) vs JSON, representative EventRinging',
    node: process.version,
    cpus: availableParallelism(),
    loadAverage: { before: loadBefore, after: load() },
    frameBytes: frame.length,
    jsonBytes,
    rounds: ROUNDS,
    roundMs: ROUND_MS,
    ...rates,
    ratios: {
      decodeVsJsonParse: ratio(rates.decode, rates.jsonParse),
      decodeDistinctCallsVsJsonParse: ratio(rates.decodeDistinctCalls, rates.jsonParse),
      decodeAndReadVsJsonParse: ratio(rates.decodeAndRead, rates.jsonParse),
      decodeEagerVsJsonParse: ratio(rates.decodeEager, rates.jsonParse),
      encodeVsJsonStringify: ratio(rates.encode, rates.jsonStringify),
    },
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

main();
