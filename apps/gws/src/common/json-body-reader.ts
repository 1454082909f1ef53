import type { IncomingMessage, ServerResponse } from 'node:http';
import { verifyJsonBodyDepth } from './request-body';

/**
 * The common case of a REST body, read ahead of body-parser: `Content-Type: application/json` (UTF-8 said or not), no
 * Content-Encoding or Transfer-Encoding, and a Content-Length within the limit. Written by hand because body-parser
 * has no option to skip, for that case, what only other cases need (content-type parsing, raw-body's stream
 * bookkeeping, decoding through iconv-lite): about a fifth of a POST's framework time (docs/bench-login.md).
 *
 * Everything else (another charset or media type, a compressed or chunked body, a declared length over the limit, no
 * body) goes on untouched to the body-parser registered after this, which answers it as before; a body read here
 * leaves the request finished, which body-parser takes as parsed. What a body read here can be refused for gets
 * body-parser's own answer: the depth check is the same `verify`, and a malformed body gets body-parser's message.
 */
export function jsonBodyReader(
  limitBytes: number,
): (request: IncomingMessage & { body?: unknown }, response: ServerResponse, next: (error?: unknown) => void) => void {
  return (request, response, next) => {
    const length = fastPathLength(request, limitBytes);
    if (length === undefined) {
      next();
      return;
    }
    const chunks: Buffer[] = [];
    let received = 0;
    const onData = (chunk: Buffer): void => {
      chunks.push(chunk);
      received += chunk.length;
    };
    const onEnd = (): void => {
      cleanup();
      const body = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, received);
      if (received !== length) {
        next(bodyParserError(400, 'request size did not match content length', 'request.size.invalid'));
        return;
      }
      try {
        verifyJsonBodyDepth(request, response, body, 'utf-8');
        request.body = parseJson(body);
      } catch (error) {
        next(error);
        return;
      }
      next();
    };
    // The client went away mid-body: body-parser's answer, which no one will read.
    const onAborted = (): void => {
      cleanup();
      next(bodyParserError(400, 'request aborted', 'request.aborted'));
    };
    const cleanup = (): void => {
      request.off('data', onData);
      request.off('end', onEnd);
      request.off('error', onAborted);
      request.off('close', onAborted);
    };
    request.on('data', onData);
    request.on('end', onEnd);
    request.on('error', onAborted);
    request.on('close', onAborted);
  };
}

const PLAIN_JSON = /^application\/json(?:; ?charset=utf-8)?$/i;
const DIGITS = /^\d{1,15}$/;

/** The body's length when this reader takes the request, else undefined (body-parser does). */
function fastPathLength(request: IncomingMessage, limitBytes: number): number | undefined {
  const { headers } = request;
  const type = headers['content-type'];
  const declared = headers['content-length'];
  if (type === undefined || declared === undefined || !PLAIN_JSON.test(type) || !DIGITS.test(declared))
    return undefined;
  if (headers['content-encoding'] !== undefined || headers['transfer-encoding'] !== undefined) return undefined;
  if (request.readableEnded || request.readableEncoding !== null) return undefined;
  const length = Number(declared);
  return length <= limitBytes ? length : undefined;
}

/** body-parser's JSON parsing (strict, its default): an empty body is `{}`, a UTF-8 BOM is dropped as iconv-lite does. */
function parseJson(body: Buffer): unknown {
  const text = body.toString('utf8');
  const json = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (json.length === 0) return {};
  const first = FIRST_NON_WHITESPACE.exec(json)?.[1];
  if (first !== '{' && first !== '[') throw malformed(strictViolation(json, first ?? ''), json);
  try {
    return JSON.parse(json);
  } catch (error) {
    throw malformed(error, json);
  }
}

// eslint-disable-next-line no-control-regex -- JSON's whitespace, as body-parser matches it
const FIRST_NON_WHITESPACE = /^[\x20\x09\x0a\x0d]*([^\x20\x09\x0a\x0d]|$)/;

/**
 * body-parser's error for a body that is not an object or array: JSON.parse's message about the first character, as
 * if the rest were other text (`#`), with that text put back (`Unexpected token 'a', "abc" is not valid JSON`).
 */
function strictViolation(json: string, first: string): unknown {
  const index = first === '' ? -1 : json.indexOf(first);
  const partial = index === -1 ? '' : json.substring(0, index) + '#'.repeat(json.length - index);
  try {
    JSON.parse(partial);
    return new SyntaxError('strict violation');
  } catch (error) {
    if (error instanceof Error) {
      error.message = error.message.replace(/#+/g, (placeholder) => json.substring(index, index + placeholder.length));
    }
    return error;
  }
}

/** The shape body-parser gives a parse failure (http-errors' 400 around the SyntaxError), which Nest maps to a 400. */
function malformed(error: unknown, json: string): unknown {
  if (!(error instanceof SyntaxError)) return error;
  return Object.assign(error, { status: 400, statusCode: 400, expose: true, type: 'entity.parse.failed', body: json });
}

function bodyParserError(status: number, message: string, type: string): Error {
  return Object.assign(new Error(message), { status, statusCode: status, expose: true, type });
}

const UNITS: Readonly<Record<string, number>> = { b: 1, kb: 1024, mb: 1024 * 1024 };

/** BODY_LIMIT (`\d+(b|kb|mb)`, validated by the config) in bytes, as body-parser's `bytes` reads it (1 kb = 1024 b). */
export function bodyLimitBytes(limit: string): number {
  const match = /^(\d+)(b|kb|mb)$/i.exec(limit);
  if (match === null) throw new Error(`body limit ${JSON.stringify(limit)} is not \\d+(b|kb|mb)`);
  return Math.floor(Number(match[1]) * UNITS[match[2]!.toLowerCase()]!);
}
