/**
 * The loopback TCP feed between the baseline publisher child (`events-baseline-publisher.ts`) and the bare
 * cometd-nodejs-server child (`events-baseline-server.ts`), so that the baseline has GWS's topology: the messages
 * come from another process over loopback TCP, stamped there, as T-Server events reach GWS from the simulator child.
 * One message per line: `[target index, message]` as JSON (JSON.stringify never leaves a raw newline in a line).
 */
import type { BaselineSamples } from './events-protocol';

/** Where the baseline delivers: GWS's calls topic. */
export const BASELINE_CHANNEL = '/v2/me/calls';

export function feedLine(target: number, message: object): string {
  return `${JSON.stringify([target, message])}\n`;
}

/** Splits the feed's byte stream into `[target, message]` pairs; a line split across chunks is kept until whole. */
export class FeedReader {
  private partial = '';

  constructor(private readonly onMessage: (target: number, message: Record<string, unknown>) => void) {}

  push(chunk: string): void {
    const text = this.partial + chunk;
    let start = 0;
    for (let end = text.indexOf('\n'); end >= 0; end = text.indexOf('\n', start)) {
      const [target, message] = JSON.parse(text.slice(start, end)) as [number, Record<string, unknown>];
      this.onMessage(target, message);
      start = end + 1;
    }
    this.partial = text.slice(start);
  }
}

/**
 * Makes the baseline's copies of the sampled GWS messages: each call gets its own `call.id` (and `callUuid`) as long
 * as the sample's, so that every copy has the size of the real message.
 */
export class SampleCopies {
  private nextId = 0;
  private readonly idLength: number;

  constructor(
    private readonly samples: BaselineSamples,
    private readonly idPrefix: string,
  ) {
    const sampleId = (samples.ringing['call'] as { id?: unknown }).id;
    this.idLength = typeof sampleId === 'string' && sampleId.length > idPrefix.length ? sampleId.length : 26;
  }

  nextCallId(): string {
    return `${this.idPrefix}${String(this.nextId++).padStart(this.idLength - this.idPrefix.length, '0')}`;
  }

  ringing(id: string): Record<string, unknown> {
    return copyOf(this.samples.ringing, id);
  }

  released(id: string): Record<string, unknown> {
    return copyOf(this.samples.released, id);
  }
}

function copyOf(sample: Record<string, unknown>, id: string): Record<string, unknown> {
  const call = sample['call'] as Record<string, unknown>;
  return { ...sample, call: { ...call, id, callUuid: id } };
}
