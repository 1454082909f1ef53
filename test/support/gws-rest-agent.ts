/** A GWS answer: HTTP status, parsed body and headers. */
export interface GwsAnswer<T = Record<string, unknown>> {
  readonly status: number;
  readonly body: T;
  readonly headers: Headers;
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

  /** GET /api/v2/me with Basic; remembers the session cookie and the CSRF token. */
  async login(): Promise<GwsAnswer> {
    const answer = await this.request('GET', '/api/v2/me', undefined, { basic: true });
    if (answer.status !== 200) throw new Error(`${this.userName} could not log in: ${JSON.stringify(answer.body)}`);
    return answer;
  }

  get(path: string): Promise<GwsAnswer> {
    return this.request('GET', path);
  }

  post(path: string, body: unknown, options: { csrf?: boolean } = {}): Promise<GwsAnswer> {
    return this.request('POST', path, JSON.stringify(body), options);
  }

  /** POST with a body sent as it is (malformed JSON, oversized bodies). */
  postRaw(path: string, raw: string): Promise<GwsAnswer> {
    return this.request('POST', path, raw);
  }

  async request(
    method: string,
    path: string,
    body?: string,
    options: { basic?: boolean; csrf?: boolean } = {},
  ): Promise<GwsAnswer> {
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
