/**
 * Types for the npm `sip` package 0.0.6 (kirm/sip.js), which ships none: only what `sip-stack.ts` uses. Shapes as
 * its parser produces them and its serializer reads them (sip.js `parse`, `stringify`).
 */
declare module 'sip' {
  export interface Uri {
    schema?: string;
    user?: string;
    password?: string;
    host: string;
    port?: number;
    params: Record<string, string | null>;
    headers: Record<string, string>;
  }

  /** A name-addr header value (To, From, Contact, Route, Record-Route). */
  export interface NameAddr {
    name?: string;
    uri: string | Uri;
    params: Record<string, string | null>;
  }

  export interface Via {
    version?: string;
    protocol?: string;
    host?: string;
    port?: number;
    params: Record<string, string | null>;
  }

  export interface CSeq {
    seq: number;
    method: string;
  }

  /** Header names are lower case; those without a parser of their own are plain strings. */
  export interface Headers {
    via?: Via[];
    to?: NameAddr;
    from?: NameAddr;
    'call-id'?: string;
    cseq?: CSeq;
    contact?: NameAddr[] | '*';
    route?: NameAddr[];
    'record-route'?: NameAddr[];
    'content-length'?: number;
    [name: string]: string | number | NameAddr | NameAddr[] | Via[] | CSeq | undefined;
  }

  export interface Message {
    method?: string;
    uri?: string | Uri;
    status?: number;
    reason?: string;
    version?: string;
    headers: Headers;
    content?: string;
  }

  /** Where a message came from or goes to. */
  export interface Remote {
    protocol: string;
    address: string;
    port: number;
    local?: { address: string; port: number };
  }

  export interface Options {
    address?: string;
    port?: number;
    publicAddress?: string;
    udp?: boolean;
    tcp?: boolean;
    rport?: boolean;
    logger?: {
      send?(message: Message, target: Remote): void;
      recv?(message: Message, remote: Remote): void;
      error?(error: unknown): void;
    };
  }

  export interface Stack {
    /** A request goes through a client transaction (responses to `callback`); a response through its server one. */
    send(message: Message, callback?: (response: Message) => void): void;
    destroy(): void;
    hostname(): string;
  }

  export function create(options: Options, onRequest: (request: Message, remote: Remote) => void): Stack;
  export function makeResponse(
    request: Message,
    status: number,
    reason?: string,
    extension?: { headers?: Headers; content?: string },
  ): Message;
  export function parseUri(uri: string | Uri): Uri | undefined;
  export function stringifyUri(uri: string | Uri): string;
}
