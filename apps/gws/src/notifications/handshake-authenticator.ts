import type { IncomingMessage } from 'node:http';

/** Injection token of the {@link HandshakeAuthenticator} the notifications module asks on every `/meta/handshake`. */
export const HANDSHAKE_AUTHENTICATOR = Symbol('HANDSHAKE_AUTHENTICATOR');

/** The authenticated HTTP session a Bayeux session is bound to for its whole life. */
export interface AuthenticatedPrincipal {
  /** GWS user id (32 hex characters): the key notifications are published under. */
  userId: string;
  /** Login name, for logs and metrics. */
  userName: string;
  /**
   * The HTTP session (JSESSIONID) the handshake rode on. Invalidating that session must end the Bayeux
   * sessions bound to it (`NotificationPublisher.disconnectSession`). It is a credential: never log it.
   */
  sessionId: string;
}

/**
 * Port: resolves the HTTP request that carries a `/meta/handshake` to the user behind it, from the
 * JSESSIONID cookie of an authenticated REST session or a Basic `Authorization` header, as GWS clients do.
 * Resolve `undefined` to refuse the handshake; a rejection refuses it too (and is logged without the request).
 */
export interface HandshakeAuthenticator {
  authenticate(request: IncomingMessage): Promise<AuthenticatedPrincipal | undefined>;
}
