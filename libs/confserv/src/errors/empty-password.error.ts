import { AuthenticationError } from './authentication.error';

export class EmptyPasswordError extends AuthenticationError {
  constructor(userName: string) {
    super('EMPTY_PASSWORD', userName, 'empty password refused');
  }
}
