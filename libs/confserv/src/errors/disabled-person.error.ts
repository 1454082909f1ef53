import { AuthenticationError } from './authentication.error';

export class DisabledPersonError extends AuthenticationError {
  constructor(userName: string) {
    super('DISABLED_PERSON', userName, 'the person is disabled');
  }
}
