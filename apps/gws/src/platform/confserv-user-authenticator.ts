import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  DisabledPersonError,
  EmptyPasswordError,
  isConfServUnavailable,
  UnknownUserError,
  WrongPasswordError,
  type ConfServClient,
} from '@gws/confserv';
import {
  AuthenticationFailure,
  type AuthenticatedUser,
  type AuthenticationFailureReason,
  type UserAuthenticator,
} from '../auth/user-authenticator';
import { GWS_CONFIG, type GwsConfig } from '../config/gws-config';
import { userIdFor } from '../identity/resource-ids';
import { AgentDirectoryService } from './agent-directory.service';
import { ConfServUnavailableException } from './confserv-unavailable.exception';
import { CONFSERV_CLIENT } from './platform.tokens';

/**
 * Passwords are checked by Configuration Server (RequestAuthenticate), never by GWS itself. Each request of a login
 * waits at most `CONFSERV_LOGIN_TIMEOUT_SECONDS`; a server that is down or does not answer in time is the failure
 * reason 'unavailable' (503 "try again shortly"), not a refusal and not an internal error.
 */
@Injectable()
export class ConfServUserAuthenticator implements UserAuthenticator {
  private readonly logger = new Logger('ConfServUserAuthenticator');

  constructor(
    @Inject(CONFSERV_CLIENT) private readonly confserv: ConfServClient,
    @Inject(GWS_CONFIG) private readonly config: GwsConfig,
    private readonly directory: AgentDirectoryService,
  ) {}

  async authenticate(userName: string, password: string): Promise<AuthenticatedUser> {
    const options = { timeoutMs: this.config.confservLink.loginTimeoutMs };
    try {
      await this.confserv.authenticate(userName, password, options);
      // The profile read here is the one /me and StartContactCenterSession reuse (cached by the directory).
      const agent = await this.directory.agent(userName, options);
      return {
        userId: userIdFor(agent.tenantDbid, agent.personDbid),
        userName: agent.userName,
        personDbid: agent.personDbid,
      };
    } catch (error) {
      const reason = failureReason(error);
      if (reason === undefined) throw error;
      if (reason === 'unavailable') {
        const detail = error instanceof ConfServUnavailableException ? error.detail : (error as Error).message;
        this.logger.warn(`login of ${userName} not checked, Configuration Server unavailable: ${detail}`);
      }
      throw new AuthenticationFailure(reason, userName);
    }
  }
}

function failureReason(error: unknown): AuthenticationFailureReason | undefined {
  if (error instanceof AuthenticationFailure) return error.reason;
  if (error instanceof UnknownUserError) return 'unknown-user';
  if (error instanceof WrongPasswordError) return 'wrong-password';
  if (error instanceof DisabledPersonError) return 'disabled';
  if (error instanceof EmptyPasswordError) return 'empty-password';
  if (isConfServUnavailable(error) || error instanceof ConfServUnavailableException) return 'unavailable';
  return undefined;
}
