import { Inject, Injectable } from '@nestjs/common';
import {
  DisabledPersonError,
  EmptyPasswordError,
  ServerUnavailableError,
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
import { userIdFor } from '../identity/resource-ids';
import { AgentDirectoryService } from './agent-directory.service';
import { CONFSERV_CLIENT } from './platform.tokens';

/** Passwords are checked by Configuration Server (RequestAuthenticate), never by GWS itself. */
@Injectable()
export class ConfServUserAuthenticator implements UserAuthenticator {
  constructor(
    @Inject(CONFSERV_CLIENT) private readonly confserv: ConfServClient,
    private readonly directory: AgentDirectoryService,
  ) {}

  async authenticate(userName: string, password: string): Promise<AuthenticatedUser> {
    try {
      await this.confserv.authenticate(userName, password);
      // The profile read here is the one /me and StartContactCenterSession reuse (cached by the directory).
      const agent = await this.directory.agent(userName);
      return {
        userId: userIdFor(agent.tenantDbid, agent.personDbid),
        userName: agent.userName,
        personDbid: agent.personDbid,
      };
    } catch (error) {
      const reason = failureReason(error);
      if (reason === undefined) throw error;
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
  if (error instanceof ServerUnavailableError) return 'unavailable';
  return undefined;
}
