/**
 * SIP messages as the simulator's SIP side handles them: parsed headers by lower-case name, name-addr values with
 * their parameters. The stack behind `SipStack` produces and reads these shapes.
 */
export interface SipUri {
  schema?: string;
  user?: string;
  password?: string;
  host: string;
  port?: number;
  params: Record<string, string | null>;
  headers: Record<string, string>;
}

/** To, From, Contact, Route and Record-Route values. */
export interface NameAddr {
  name?: string;
  uri: string | SipUri;
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

/** Headers without a parser of their own (Event, Content-Type, Allow ...) are plain strings. */
export interface SipHeaders {
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

export interface SipRequest {
  method: string;
  uri: string | SipUri;
  headers: SipHeaders;
  content?: string;
}

export interface SipResponse {
  status: number;
  reason: string;
  headers: SipHeaders;
  content?: string;
}

/** A header that is plain text (Event, Content-Type, Allow-Events), or undefined. */
export function textHeader(message: { headers: SipHeaders }, name: string): string | undefined {
  const value = message.headers[name.toLowerCase()];
  return typeof value === 'string' ? value : undefined;
}

export function tagOf(address: NameAddr | undefined): string | undefined {
  return address?.params.tag ?? undefined;
}

/** The first Contact's URI as text. */
export function contactUri(message: { headers: SipHeaders }): string | undefined {
  const contact = message.headers.contact;
  return Array.isArray(contact) && contact[0] !== undefined ? formatUri(contact[0].uri) : undefined;
}

/** A URI as it is written in a message (RFC 3261 section 19.1). */
export function formatUri(uri: string | SipUri): string {
  if (typeof uri === 'string') return uri;
  const user = uri.user === undefined ? '' : `${uri.user}${uri.password === undefined ? '' : `:${uri.password}`}@`;
  const port = uri.port !== undefined && uri.port > 0 ? `:${uri.port}` : '';
  const params = Object.entries(uri.params)
    .map(([name, value]) => (value === null ? `;${name}` : `;${name}=${value}`))
    .join('');
  const headers = Object.entries(uri.headers).map(([name, value]) => `${name}=${value}`);
  return `${uri.schema ?? 'sip'}:${user}${uri.host}${port}${params}${headers.length > 0 ? `?${headers.join('&')}` : ''}`;
}
