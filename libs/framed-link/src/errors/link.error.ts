/**
 * Base of every error the platform link libraries raise (`@gws/framed-link`, `@gws/tserver-client`,
 * `@gws/confserv`). `retriable` says whether sending the same request again may succeed without anything else
 * changing (and cannot have been carried out twice); `cause` keeps the lower-level error.
 */
export class LinkError extends Error {
  constructor(
    message: string,
    readonly retriable: boolean,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}
