import type { IncomingMessage } from 'node:http';
import getRawBody from 'raw-body';
import { jsonNestsDeeperThan } from '../common/request-body';

/** What a Bayeux POST may carry before cometd-nodejs-server sees it. */
export interface BayeuxRequestLimits {
  /** Largest body, in bytes or as `100kb`; the Content-Length and the bytes actually streamed are both held to it. */
  readonly maxBodySize: number | string;
  /** Messages in one batch. */
  readonly maxBatchMessages: number;
}

/** Deeper than any Bayeux message GWS clients send (`[{ext:{ack}}]` is 3); bounds the work of serialising replies. */
export const MAX_BAYEUX_DEPTH = 16;

/** A message as far as this reader checks it: an object with a channel. */
export interface BayeuxMessage {
  readonly channel: string;
  readonly [field: string]: unknown;
}

export type BayeuxRequest =
  | { readonly ok: true; readonly messages: BayeuxMessage[] }
  | { readonly ok: false; readonly status: number; readonly reason: string };

/**
 * Reads and checks the body of a Bayeux POST: within the size limit (413 past it, without reading further), nested
 * no deeper than {@link MAX_BAYEUX_DEPTH} (counted before parsing), JSON, one message or an array of 1 to
 * `maxBatchMessages` objects with a string `channel`, and a `/meta/handshake` alone in its batch (the library would
 * otherwise create a session, fail the batch and never expire it). cometd-nodejs-server reads a body itself without
 * any limit, so it is handed only what passed.
 */
export async function readBayeuxRequest(request: IncomingMessage, limits: BayeuxRequestLimits): Promise<BayeuxRequest> {
  let body: Buffer;
  try {
    body = await getRawBody(request, { limit: limits.maxBodySize, length: request.headers['content-length'] });
  } catch (error) {
    return refuse(statusOf(error), error instanceof Error ? error.message : 'unreadable request body');
  }
  if (jsonNestsDeeperThan(body, MAX_BAYEUX_DEPTH))
    return refuse(400, `messages nest deeper than ${MAX_BAYEUX_DEPTH} levels`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString('utf8'));
  } catch {
    return refuse(400, 'the request body is not JSON');
  }
  const batch: unknown[] = Array.isArray(parsed) ? parsed : [parsed];
  if (batch.length === 0) return refuse(400, 'the batch holds no message');
  if (batch.length > limits.maxBatchMessages) {
    return refuse(413, `a batch holds at most ${limits.maxBatchMessages} messages`);
  }
  if (!batch.every(isMessage)) return refuse(400, 'every message must be an object with a string channel');
  if (batch.length > 1 && batch.some((message) => message.channel === '/meta/handshake')) {
    return refuse(400, 'a /meta/handshake must be sent alone');
  }
  return { ok: true, messages: batch };
}

function isMessage(value: unknown): value is BayeuxMessage {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    typeof (value as { channel?: unknown }).channel === 'string'
  );
}

function statusOf(error: unknown): number {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === 'number' && status >= 400 && status < 500 ? status : 400;
}

function refuse(status: number, reason: string): BayeuxRequest {
  return { ok: false, status, reason };
}
