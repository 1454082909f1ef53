/** A person Configuration Server accepted. */
export interface AuthenticatedUser {
  readonly userId: string;
  readonly userName: string;
  readonly personDbid: number;
}

export type AuthenticationFailureReason =
  'unknown-user' | 'wrong-password' | 'disabled' | 'empty-password' | 'not-an-agent' | 'unavailable';

/** Why a login was refused. The reason is logged; callers only ever see a generic refusal. */
export class AuthenticationFailure extends Error {
  constructor(
    readonly reason: AuthenticationFailureReason,
    readonly userName: string,
  ) {
    super(`authentication of ${userName} refused: ${reason}`);
    this.name = 'AuthenticationFailure';
  }
}

/** Checks a user name and password (Configuration Server in production). */
export interface UserAuthenticator {
  /** @throws AuthenticationFailure */
  authenticate(userName: string, password: string): Promise<AuthenticatedUser>;
}

export const USER_AUTHENTICATOR = Symbol('USER_AUTHENTICATOR');
