import { AuthenticationError } from './authentication.error';

export class WrongPasswordError extends AuthenticationError {
  constructor(userName: string) {
    super('WRONG_PASSWORD', userName, 'wrong password');
  }
}
