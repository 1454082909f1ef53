import { once } from 'node:events';
import { createServer, request as httpRequest, type OutgoingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import express, { type NextFunction, type Request, type Response } from 'express';
import { bodyLimitBytes, jsonBodyReader } from './json-body-reader';
import { MAX_BODY_DEPTH, verifyJsonBodyDepth } from './request-body';

const LIMIT = '1kb';

/** What a handler or the error handler saw: the parsed body, or the error's http-errors shape. */
interface Outcome {
  readonly status: number;
  readonly body?: unknown;
  readonly readByReader?: boolean;
  readonly error?: { status: unknown; statusCode: unknown; expose: unknown; type: unknown; message: string };
  readonly syntaxError?: boolean;
}

/** An express app parsing JSON as GWS does: with the reader ahead of body-parser, or body-parser alone. */
async function parsingApp(withReader: boolean): Promise<{ server: Server; port: number }> {
  const app = express();
  if (withReader) app.use(jsonBodyReader(bodyLimitBytes(LIMIT)));
  app.use((request: Request & { readByReader?: boolean }, _response, next) => {
    request.readByReader = request.body !== undefined;
    next();
  });
  app.use(express.json({ limit: LIMIT, verify: verifyJsonBodyDepth }));
  app.post('/', (request: Request & { readByReader?: boolean }, response) => {
    response.json({ status: 200, body: request.body as unknown, readByReader: request.readByReader });
  });
  app.use((error: Error & Record<string, unknown>, _request: Request, response: Response, _next: NextFunction) => {
    const { status, statusCode, expose, type, message } = error;
    const outcome: Outcome = {
      status: typeof status === 'number' ? status : 500,
      error: { status, statusCode, expose, type, message },
      syntaxError: error instanceof SyntaxError,
    };
    response.status(200).json(outcome);
  });
  const server = createServer(app);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return { server, port: (server.address() as AddressInfo).port };
}

/** One request with exactly these headers and bytes. */
async function post(port: number, headers: OutgoingHttpHeaders, body: Buffer | string): Promise<Outcome> {
  const request = httpRequest({ host: '127.0.0.1', port, method: 'POST', path: '/', headers });
  request.end(body);
  const [response] = (await once(request, 'response')) as [NodeJS.ReadableStream];
  const chunks: Buffer[] = [];
  for await (const chunk of response) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8')) as Outcome;
}

const json = (body: Buffer | string, type = 'application/json'): [OutgoingHttpHeaders, Buffer | string] => [
  { 'content-type': type, 'content-length': Buffer.byteLength(body) },
  body,
];
const nested = (depth: number): string => `${'{"a":'.repeat(depth - 1)}{}${'}'.repeat(depth - 1)}`;

describe('jsonBodyReader', () => {
  let gws: { server: Server; port: number };
  let bodyParser: { server: Server; port: number };
  beforeAll(async () => {
    gws = await parsingApp(true);
    bodyParser = await parsingApp(false);
  });
  afterAll(() => {
    for (const { server } of [gws, bodyParser]) {
      server.closeAllConnections();
      server.close();
    }
  });

  /** The answer with the reader, checked to be body-parser's own. */
  const both = async (headers: OutgoingHttpHeaders, body: Buffer | string): Promise<Outcome> => {
    const [ours, theirs] = await Promise.all([post(gws.port, headers, body), post(bodyParser.port, headers, body)]);
    expect({ ...ours, readByReader: undefined }).toEqual({ ...theirs, readByReader: undefined });
    return ours;
  };

  it('reads plain UTF-8 JSON itself, with or without the charset, and parses it as body-parser does', async () => {
    const body = JSON.stringify({ operationName: 'Dial', destination: { phoneNumber: '7001' }, userData: { k: 'é✓' } });
    for (const type of ['application/json', 'application/json; charset=utf-8', 'Application/JSON;charset=UTF-8']) {
      const outcome = await both(...json(body, type));
      expect(outcome).toEqual({ status: 200, body: JSON.parse(body) as unknown, readByReader: true });
    }
  });

  it('drops a UTF-8 BOM, reads an empty body as {} and invalid UTF-8 as body-parser decodes it', async () => {
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{"operationName":"Ready"}')]);
    expect(await both(...json(bom))).toMatchObject({ body: { operationName: 'Ready' }, readByReader: true });
    expect(await both(...json(''))).toMatchObject({ body: {}, readByReader: true });
    const broken = Buffer.concat([Buffer.from('{"a":"'), Buffer.from([0xc3, 0x28, 0xff]), Buffer.from('"}')]);
    expect(await both(...json(broken))).toMatchObject({ status: 200, readByReader: true });
  });

  it('refuses malformed JSON with body-parser error and message', async () => {
    for (const body of ['{bad', '"abc"', '  123', '   ', 'nul', '{"a":1,}', '[1,2', ' x{}', 'true']) {
      const outcome = await both(...json(body));
      expect(outcome).toMatchObject({ status: 400, syntaxError: true, error: { type: 'entity.parse.failed' } });
    }
  });

  it('refuses a body nested too deep before parsing it, and takes the deepest allowed', async () => {
    expect(await both(...json(nested(MAX_BODY_DEPTH)))).toMatchObject({ status: 200, readByReader: true });
    expect(await both(...json(nested(MAX_BODY_DEPTH + 1)))).toMatchObject({
      status: 400,
      error: { statusCode: 400, expose: true, type: 'entity.too.deep' },
    });
  });

  it('takes a body at the limit and leaves one over it to body-parser (413)', async () => {
    const limit = bodyLimitBytes(LIMIT);
    const atLimit = `{"a":"${'x'.repeat(limit - 8)}"}`;
    expect(Buffer.byteLength(atLimit)).toBe(limit);
    expect(await both(...json(atLimit))).toMatchObject({ status: 200, readByReader: true });
    const over = `{"a":"${'x'.repeat(limit - 7)}"}`;
    expect(await both(...json(over))).toMatchObject({ status: 413, error: { type: 'entity.too.large' } });
  });

  it('leaves to body-parser what is not plain JSON of a declared length', async () => {
    const body = '{"operationName":"Ready"}';
    const gzipped = gzipSync(body);
    const cases: [OutgoingHttpHeaders, Buffer | string][] = [
      [{ 'content-type': 'application/json', 'content-encoding': 'gzip', 'content-length': gzipped.length }, gzipped],
      [{ 'content-type': 'application/json', 'transfer-encoding': 'chunked' }, body],
      json(Buffer.from(body, 'utf16le'), 'application/json; charset=utf-16le'),
      json(body, 'application/json; charset=latin1'),
      json(body, 'application/vnd.api+json'),
      json(body, 'text/plain'),
      json(body, 'application/json; charset=utf-8; x=1'),
    ];
    for (const [headers, bytes] of cases) {
      const outcome = await both(headers, bytes);
      expect(outcome.readByReader ?? false).toBe(false);
    }
  });
});

describe('bodyLimitBytes', () => {
  it('reads BODY_LIMIT as body-parser does (1 kb = 1024 b)', () => {
    expect(bodyLimitBytes('100kb')).toBe(102_400);
    expect(bodyLimitBytes('2mb')).toBe(2_097_152);
    expect(bodyLimitBytes('512b')).toBe(512);
    expect(() => bodyLimitBytes('1gb')).toThrow(/not/);
  });
});
