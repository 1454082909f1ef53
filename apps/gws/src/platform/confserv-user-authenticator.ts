import { Inject, Injectable } from '@nestjs/common';
import {
  CfgObjectType,
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
import { CONFSERV_CLIENT } from './platform.tokens';

/** Passwords are checked by Configuration Server (RequestAuthenticate), never by GWS itself. */
@Injectable()
export class ConfServUserAuthenticator implements UserAuthenticator {
  constructor(@Inject(CONFSERV_CLIENT) private readonly confserv: ConfServClient) {}

  async authenticate(userName: string, password: string): Promise<AuthenticatedUser> {
    try {
      const { personDBID } = await this.confserv.authenticate(userName, password);
      const [person] = await this.confserv.readObjects(CfgObjectType.Person, { dbid: personDBID });
      if (person === undefined) throw new AuthenticationFailure('unknown-user', userName);
      return { userId: userIdFor(person.tenantDBID, person.DBID), userName: person.userName, personDbid: person.DBID };
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
