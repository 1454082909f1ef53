/** A GWS refusal as the page reads it: the HTTP status, GWS's `statusCode`/`statusMessage`, and `Retry-After`. */
export class GwsError extends Error {
  constructor(
    readonly httpStatus: number,
    readonly statusCode: number | undefined,
    readonly statusMessage: string,
    readonly retryAfterSeconds: number | undefined,
  ) {
    super(`${statusMessage} (HTTP ${httpStatus}${statusCode === undefined ? '' : `, statusCode ${statusCode}`})`);
    this.name = 'GwsError';
  }

  /** 401 statusCode 20: no session, an expired one, or refused credentials. */
  get notAuthenticated(): boolean {
    return this.httpStatus === 401;
  }

  /** 429 statusCode 20: a login lockout or too many logins in progress (`retryAfterSeconds` says how long). */
  get locked(): boolean {
    return this.httpStatus === 429;
  }

  /** 404 statusCode 6. */
  get notFound(): boolean {
    return this.httpStatus === 404;
  }
}

/** The server could not be reached at all (network down, GWS stopped). */
export class GwsUnreachableError extends Error {
  constructor(cause: unknown) {
    super(`Cannot reach GWS: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = 'GwsUnreachableError';
  }
}
