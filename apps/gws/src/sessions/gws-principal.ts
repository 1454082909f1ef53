/** Who made a request: set on `request.user` by authentication, read by controllers through `@Principal()`. */
export interface GwsPrincipal {
  readonly userId: string;
  readonly userName: string;
  readonly personDbid: number;
  /** The HTTP session; a Basic-only request gets one created for it. */
  readonly sessionId: string;
  readonly csrfToken: string;
}
