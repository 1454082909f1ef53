import * as http from 'node:http';
import * as https from 'node:https';
import { HttpStatus, Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import type { NodeInfo } from '@gws/stores';
import { GwsException } from '../common/gws.exception';
import { GwsStatus } from '../common/gws-status';
import { GWS_CONFIG, type GwsConfig } from '../config/gws-config';
import { answerHeaders, forwardedHeaders } from './forwarded-request';

/** How long the node that holds the session may take to accept the request or to send more of its answer. */
export const FORWARD_TIMEOUT_MS = 5000;

/** What is forwarded of a request (an Express request is one), after the JSON body parser has read it. */
export interface ForwardableRequest {
  readonly method: string;
  /** Path and query, as the client sent them. */
  readonly originalUrl: string;
  readonly headers: http.IncomingHttpHeaders;
  /** The parsed JSON body; undefined when the request had none. */
  readonly body?: unknown;
  readonly socket: { readonly remoteAddress?: string | undefined };
}

/**
 * The node holding the session did not answer: 503 statusCode 4, as a T-Server outage. `refused`: nothing listens
 * where it was (its process is gone), so the request never reached it.
 */
export class NodeUnreachable extends GwsException {
  constructor(
    readonly nodeId: string,
    readonly refused: boolean,
  ) {
    super(
      GwsStatus.InternalError,
      `The GWS node holding this session (${nodeId}) is unreachable; try again shortly`,
      HttpStatus.SERVICE_UNAVAILABLE,
    );
  }
}

/** An answer that has no body, whatever its length header says. */
const BODILESS = new Set([204, 205, 304]);

/**
 * Sends a request on to the node that holds the user's session and hands back its answer (status, headers with
 * every Set-Cookie, body) as it came. Written on node:http: the body parser has already read the client's body, so
 * the request is re-sent with its parsed (JSON) body, which no proxy library is needed for; and fetch would not let
 * the Host header through. Connections between nodes are kept alive.
 */
@Injectable()
export class RequestForwarder implements OnApplicationShutdown {
  private readonly logger = new Logger('RequestForwarder');
  private readonly agents = {
    'http:': new http.Agent({ keepAlive: true }),
    'https:': new https.Agent({ keepAlive: true }),
  };

  constructor(@Inject(GWS_CONFIG) private readonly config: GwsConfig) {}

  /** Resolves with the owner's answer; rejects with NodeUnreachable when there is none. */
  async forward(request: ForwardableRequest, sessionId: string, to: NodeInfo): Promise<Response> {
    const url = new URL(request.originalUrl, to.internalUrl);
    const body = hasBody(request) ? Buffer.from(JSON.stringify(request.body)) : undefined;
    const headers = forwardedHeaders(
      { headers: request.headers, remoteAddress: request.socket.remoteAddress, sessionId },
      this.config.nodeId,
      body,
    );
    try {
      return await this.send(url, request.method, headers, body).catch((error: unknown) => {
        // A kept-alive connection the other node had just closed (or lost with its process) fails at once; Node's
        // advice: send again on a new connection, which then reaches the node or finds nothing listening.
        if (!(error instanceof StaleConnection)) throw error;
        return this.send(url, request.method, headers, body);
      });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      this.logger.warn(`GWS node ${to.nodeId} (${to.internalUrl}) did not answer a forwarded request: ${reason}`);
      throw new NodeUnreachable(to.nodeId, errorCode(error) === 'ECONNREFUSED');
    }
  }

  onApplicationShutdown(): void {
    this.agents['http:'].destroy();
    this.agents['https:'].destroy();
  }

  private send(
    url: URL,
    method: string,
    headers: http.OutgoingHttpHeaders,
    body: Buffer | undefined,
  ): Promise<Response> {
    const secure = url.protocol === 'https:';
    const request = secure ? https.request : http.request;
    return new Promise((resolve, reject) => {
      const outgoing = request(
        url,
        { method, headers, agent: this.agents[secure ? 'https:' : 'http:'], timeout: FORWARD_TIMEOUT_MS },
        (answer) => {
          const chunks: Buffer[] = [];
          answer.on('data', (chunk: Buffer) => chunks.push(chunk));
          answer.on('error', reject);
          answer.on('close', () => {
            if (!answer.complete) reject(new Error('the answer was cut short'));
          });
          answer.on('end', () => {
            const status = answer.statusCode ?? HttpStatus.BAD_GATEWAY;
            const content = BODILESS.has(status) ? null : Buffer.concat(chunks);
            resolve(new Response(content, { status, headers: answerHeaders(answer.headers) }));
          });
        },
      );
      outgoing.on('timeout', () => outgoing.destroy(new Error(`no answer within ${FORWARD_TIMEOUT_MS} ms`)));
      outgoing.on('error', (error: Error) => {
        reject(outgoing.reusedSocket && errorCode(error) === 'ECONNRESET' ? new StaleConnection(error) : error);
      });
      outgoing.end(body);
    });
  }
}

/** A reused keep-alive connection was reset before any answer. */
class StaleConnection extends Error {
  constructor(cause: Error) {
    super(cause.message, { cause });
  }
}

/** The system error code (ECONNREFUSED, ...) of a socket error; read by property, whatever realm made the error. */
function errorCode(error: unknown): string | undefined {
  const code = typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;
  return typeof code === 'string' ? code : undefined;
}

/** A body the JSON parser read (GET and HEAD carry none). */
function hasBody(request: ForwardableRequest): boolean {
  return request.method !== 'GET' && request.method !== 'HEAD' && request.body !== undefined;
}
