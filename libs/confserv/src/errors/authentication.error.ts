import { ConfServError } from './confserv.error';

/** Base of the typed answers to RequestAuthenticate that refuse the user. Never carries the password. */
export class AuthenticationError extends ConfServError {
  constructor(
    code: string,
    readonly userName: string,
    reason: string,
  ) {
    super(code, `user ${JSON.stringify(userName)}: ${reason}`);
  }
}
