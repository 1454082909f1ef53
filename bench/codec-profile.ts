import { createTlibCodec, type TMessage } from '@gws/tlib';
import { readEveryValue, sampleEventRinging, samplePlainObject } from './codec-sample';

/**
 * One case of the codec benchmark in a plain loop, for profilers: `tsx bench/codec-profile.ts <case> [messages]`,
 * case `decode`, `decodeDistinctCalls`, `decodeAndRead`, `decodeEager` or `jsonParse`. Under
 * `valgrind --tool=callgrind`, the instruction count of two runs with different message counts, subtracted, gives
 * the instructions per message without start-up (docs/bench-codec.md).
 */
const CASES = ['decode', 'decodeDistinctCalls', 'decodeAndRead', 'decodeEager', 'jsonParse'] as const;
type CaseName = (typeof CASES)[number];

function isCase(name: string | undefined): name is CaseName {
  return CASES.includes(name as CaseName);
}

function main(): void {
  const [name, count = '1000000'] = process.argv.slice(2);
  if (!isCase(name)) throw new Error(`usage: codec-profile.ts <${CASES.join(' | ')}> [messages]`);
  const codec = createTlibCodec({ deferKVLists: name !== 'decodeEager' });
  const message = sampleEventRinging();
  const frame = codec.encode(message);
  const distinct = Array.from({ length: 4096 }, (_, variant) =>
    Buffer.from(codec.encode(sampleEventRinging(variant + 1))),
  );
  const json = JSON.stringify(samplePlainObject(message));
  let sink: unknown;
  const read = name === 'decodeAndRead';
  const decoder = codec.createDecoder({
    onMessage: (decoded: TMessage) => (sink = read ? readEveryValue(decoded) : decoded),
  });
  const messages = Number(count);
  for (let index = 0; index < messages; index++) {
    if (name === 'jsonParse') sink = JSON.parse(json) as unknown;
    else decoder.push(name === 'decodeDistinctCalls' ? distinct[index % distinct.length]! : frame);
  }
  if (sink === undefined) throw new Error('the loop produced nothing');
}

main();
