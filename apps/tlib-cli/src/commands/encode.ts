import { createTlibCodec } from '@gws/tlib';
import { CliError } from '../cli-error';
import { toHex } from '../hex';
import type { Json } from '../json';
import { jsonToFrame } from '../json-form';

/**
 * Encodes frames given as JSON (one object, an array of them, or one object per line as `decode` prints them) and
 * returns their bytes as one hex line. Mandatory attributes are not enforced, so that faulty frames can be built.
 */
export function encodeCommand(text: string): string {
  const codec = createTlibCodec();
  const frames = parseFrames(text).map(jsonToFrame);
  if (frames.length === 0) throw new CliError('nothing to encode');
  const bytes = frames.map((frame) => {
    if (frame.kind === 'message') return codec.encode(frame.message);
    return frame.kind === 'addp-poll' ? codec.encodeAddpPoll(frame.token) : codec.encodeAddpReply(frame.token);
  });
  return `${bytes.map(toHex).join('')}\n`;
}

function parseFrames(text: string): Json[] {
  const whole = tryParse(text);
  if (whole.ok) return Array.isArray(whole.value) ? whole.value : [whole.value];
  const lines = text.split('\n').filter((line) => line.trim() !== '');
  if (lines.length < 2) throw new CliError(`bad JSON: ${whole.reason}`);
  return lines.map((line, index) => {
    const parsed = tryParse(line);
    if (!parsed.ok) throw new CliError(`bad JSON on line ${index + 1}: ${parsed.reason}`);
    return parsed.value;
  });
}

function tryParse(text: string): { ok: true; value: Json } | { ok: false; reason: string } {
  try {
    return { ok: true, value: JSON.parse(text) as Json };
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
}
