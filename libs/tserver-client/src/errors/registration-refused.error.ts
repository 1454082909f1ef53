import { TServerClientError } from './tserver-client.error';
import type { TServerRequestError } from './tserver-request.error';

/**
 * The T-Server refused RequestRegisterClient. Unless the code says the condition passes (`retriable`), the client
 * stops reconnecting: trying again with the same application name and password would only repeat the refusal.
 */
export class RegistrationRefusedError extends TServerClientError {
  readonly errorCode: number;

  constructor(
    readonly applicationName: string,
    readonly endpoint: string,
    refusal: TServerRequestError,
  ) {
    super(
      `${endpoint} refused to register application ${applicationName}: EventError ${refusal.errorCode} ${refusal.errorMessage}`,
      refusal.retriable,
      { cause: refusal },
    );
    this.errorCode = refusal.errorCode;
  }
}
