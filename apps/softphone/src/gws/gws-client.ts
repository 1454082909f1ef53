import { GwsError, GwsUnreachableError } from './gws-error';

/** A GWS answer body: `statusCode` 0 and whatever the resource carries. */
export type GwsBody = { readonly statusCode: number } & Readonly<Record<string, unknown>>;

const CSRF_HEADER = 'X-CSRF-TOKEN';

/**
 * The page's REST link to GWS on its own origin (docs/api.md, "Authentication, sessions, CSRF"): HTTP Basic once,
 * then the HttpOnly JSESSIONID cookie the browser keeps; every GET hands out the session's CSRF token, which every
 * POST sends back in `X-CSRF-TOKEN`.
 */
export class GwsClient {
  private csrfToken: string | undefined;

  constructor(private readonly baseUrl = '') {}

  /** `GET /api/v2/me` with HTTP Basic: opens the session (the cookie) and learns its CSRF token. */
  login(userName: string, password: string): Promise<GwsBody> {
    return this.request('GET', '/api/v2/me', undefined, { Authorization: basicAuthorization(userName, password) });
  }

  get(path: string): Promise<GwsBody> {
    return this.request('GET', path);
  }

  /** A state-changing request: sends the CSRF token, reading one first if no GET has handed it out yet. */
  async post(path: string, body: Readonly<Record<string, unknown>>): Promise<GwsBody> {
    if (this.csrfToken === undefined) await this.get('/api/v2/me');
    return this.request('POST', path, body);
  }

  /** Forgets the CSRF token (the session ended: the next login hands out a new one). */
  forgetSession(): void {
    this.csrfToken = undefined;
  }

  private async request(
    method: 'GET' | 'POST',
    path: string,
    body?: Readonly<Record<string, unknown>>,
    extraHeaders: Record<string, string> = {},
  ): Promise<GwsBody> {
    const headers: Record<string, string> = { Accept: 'application/json', ...extraHeaders };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (method === 'POST' && this.csrfToken !== undefined) headers[CSRF_HEADER] = this.csrfToken;
    let response: Response;
    try {
      response = await fetch(`${this.baseUrl}${path}`, {
        method,
        headers,
        credentials: 'same-origin',
        cache: 'no-store',
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    } catch (error) {
      throw new GwsUnreachableError(error);
    }
    const token = response.headers.get(CSRF_HEADER);
    if (token !== null) this.csrfToken = token;
    const parsed = await readBody(response);
    if (response.ok && parsed?.statusCode === 0) return parsed;
    throw new GwsError(
      response.status,
      parsed?.statusCode,
      typeof parsed?.['statusMessage'] === 'string' ? parsed['statusMessage'] : response.statusText || 'Request failed',
      retryAfter(response),
    );
  }
}

async function readBody(response: Response): Promise<GwsBody | undefined> {
  try {
    const value: unknown = await response.json();
    if (
      typeof value === 'object' &&
      value !== null &&
      typeof (value as { statusCode?: unknown }).statusCode === 'number'
    ) {
      return value as GwsBody;
    }
  } catch {
    // Not JSON (a proxy's error page): the HTTP status alone describes the failure.
  }
  return undefined;
}

function retryAfter(response: Response): number | undefined {
  const value = Number(response.headers.get('Retry-After'));
  return Number.isFinite(value) && value > 0 ? value : undefined;
}

/** RFC 7617 Basic with the credentials in UTF-8 (`btoa` alone only takes Latin-1). */
function basicAuthorization(userName: string, password: string): string {
  const bytes = new TextEncoder().encode(`${userName}:${password}`);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return `Basic ${btoa(binary)}`;
}
