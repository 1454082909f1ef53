import { AuthenticationError } from './authentication.error';

export class UnknownUserError extends AuthenticationError {
  constructor(userName: string) {
    super('UNKNOWN_USER', userName, 'no such person');
  }
}
