import { Inject, Injectable, Logger } from '@nestjs/common';
import type { LoginThrottle } from '@gws/stores';
import type { GwsPrincipal } from '../sessions/gws-principal';
import { SessionService } from '../sessions/session.service';
import { LOGIN_THROTTLE } from './auth.tokens';
import type { BasicCredentials } from './basic-credentials';
import {
  AuthenticationFailure,
  USER_AUTHENTICATOR,
  type AuthenticatedUser,
  type UserAuthenticator,
} from './user-authenticator';

/** How a password check ended without success; the caller turns it into its protocol's answer. */
export type LoginRefusal =
  | { readonly outcome: 'refused' }
  | { readonly outcome: 'locked' | 'busy'; readonly retryAfterMs: number }
  | { readonly outcome: 'unavailable' };

/** How a password login ended. */
export type LoginOutcome = { readonly outcome: 'accepted'; readonly principal: GwsPrincipal } | LoginRefusal;

/** How a password check ended: the person Configuration Server accepted, or why not. */
export type CheckOutcome = { readonly outcome: 'accepted'; readonly user: AuthenticatedUser } | LoginRefusal;

/** Where the credentials came from, for the log. */
export type LoginChannel = 'REST' | 'CometD' | 'OAuth';

/**
 * A password login, the same for REST Basic, the CometD handshake and the Workspace API v3 token endpoint: admitted
 * by the login throttle first (a guess counts from then on, so parallel guesses cannot outrun the limit), checked by
 * Configuration Server, and on success given an HTTP session (`login`) or only the person (`check`, for a token).
 * Which part of the credentials was wrong is logged, never answered.
 */
@Injectable()
export class CredentialsLogin {
  private readonly logger = new Logger('CredentialsLogin');

  constructor(
    @Inject(USER_AUTHENTICATOR) private readonly authenticator: UserAuthenticator,
    @Inject(LOGIN_THROTTLE) private readonly throttle: LoginThrottle,
    private readonly sessions: SessionService,
  ) {}

  async login(credentials: BasicCredentials, address: string, via: LoginChannel): Promise<LoginOutcome> {
    const checked = await this.check(credentials, address, via);
    if (checked.outcome !== 'accepted') return checked;
    return { outcome: 'accepted', principal: await this.sessions.openForLogin(checked.user, address) };
  }

  async check({ userName, password }: BasicCredentials, address: string, via: LoginChannel): Promise<CheckOutcome> {
    const admission = await this.throttle.admit(userName, address);
    if (!admission.admitted) {
      this.logger.warn(`${via} login of ${userName} from ${address} refused unchecked: ${admission.reason}`);
      return { outcome: admission.reason, retryAfterMs: admission.retryAfterMs };
    }
    const { attempt } = admission;
    let user: AuthenticatedUser;
    try {
      user = await this.authenticator.authenticate(userName, password);
    } catch (error) {
      if (!(error instanceof AuthenticationFailure)) {
        await attempt.abandoned();
        throw error;
      }
      if (error.reason === 'unavailable') {
        await attempt.abandoned();
        return { outcome: 'unavailable' };
      }
      await attempt.failed();
      this.logger.warn(`${via} login of ${userName} from ${address} refused: ${error.reason}`);
      return { outcome: 'refused' };
    }
    await attempt.succeeded();
    this.logger.log(`user ${user.userName} authenticated over ${via} from ${address}`);
    return { outcome: 'accepted', user };
  }
}
