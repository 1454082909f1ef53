/** A GWS answer: HTTP status, parsed body and headers. */
export interface GwsAnswer<T = Record<string, unknown>> {
  readonly status: number;
  readonly body: T;
  readonly headers: Headers;
}

/** Per request: HTTP Basic instead of the session, whether to send the CSRF token, a bound on the whole exchange. */
export interface GwsRequestOptions {
  readonly basic?: boolean;
  readonly csrf?: boolean;
  readonly timeoutMs?: number;
}

/**
 * One agent's browser on the REST side: logs in with Basic on `GET /me` (as GWS clients do), then keeps the
 * JSESSIONID cookie and the CSRF token for every later request.
 */
export class GwsRestAgent {
  sessionId: string | undefined;
  csrfToken: string | undefined;

  constructor(
    private readonly baseUrl: string,
    readonly userName: string,
    private readonly password = 'password',
  ) {}

  /** GET /api/v2/me with Basic, whatever GWS answers (a refused guess, a lockout); keeps any cookie and token. */
  attemptLogin(options: Pick<GwsRequestOptions, 'timeoutMs'> = {}): Promise<GwsAnswer> {
    return this.request('GET', '/api/v2/me', undefined, { ...options, basic: true });
  }

  /** GET /api/v2/me with Basic, which must succeed; remembers the session cookie and the CSRF token. */
  async login(options: Pick<GwsRequestOptions, 'timeoutMs'> = {}): Promise<GwsAnswer> {
    const answer = await this.attemptLogin(options);
    if (answer.status !== 200) throw new Error(`${this.userName} could not log in: ${JSON.stringify(answer.body)}`);
    if (this.sessionId === undefined) throw new Error(`${this.userName} logged in without a JSESSIONID cookie`);
    return answer;
  }

  /** StartContactCenterSession on the voice channel (the agent's place and DN come from the configuration). */
  startContactCenterSession(options: GwsRequestOptions = {}): Promise<GwsAnswer> {
    return this.post('/api/v2/me', { operationName: 'StartContactCenterSession', channels: ['voice'] }, options);
  }

  /** Ready on the voice channel. */
  ready(options: GwsRequestOptions = {}): Promise<GwsAnswer> {
    return this.post('/api/v2/me/channels/voice', { operationName: 'Ready' }, options);
  }

  get(path: string): Promise<GwsAnswer> {
    return this.request('GET', path);
  }

  post(path: string, body: unknown, options: GwsRequestOptions = {}): Promise<GwsAnswer> {
    return this.request('POST', path, JSON.stringify(body), options);
  }

  /** POST with a body sent as it is (malformed JSON, oversized bodies). */
  postRaw(path: string, raw: string): Promise<GwsAnswer> {
    return this.request('POST', path, raw);
  }

  async request(method: string, path: string, body?: string, options: GwsRequestOptions = {}): Promise<GwsAnswer> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (options.basic) {
      headers['Authorization'] = `Basic ${Buffer.from(`${this.userName}:${this.password}`).toString('base64')}`;
    }
    if (this.sessionId !== undefined) headers['Cookie'] = `JSESSIONID=${this.sessionId}`;
    if (method !== 'GET' && (options.csrf ?? true) && this.csrfToken !== undefined) {
      headers['X-CSRF-TOKEN'] = this.csrfToken;
    }
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers,
      ...(body === undefined ? {} : { body }),
      ...(options.timeoutMs === undefined
        ? {}
        : { signal: AbortSignal.timeout(Math.max(1, Math.ceil(options.timeoutMs))) }),
    });
    const cookie = /JSESSIONID=([^;]*)/.exec(response.headers.get('set-cookie') ?? '');
    if (cookie) this.sessionId = cookie[1] === '' ? undefined : cookie[1];
    const token = response.headers.get('x-csrf-token');
    if (token !== null) this.csrfToken = token;
    const text = await response.text();
    return {
      status: response.status,
      body: text === '' ? {} : (JSON.parse(text) as Record<string, unknown>),
      headers: response.headers,
    };
  }
}
