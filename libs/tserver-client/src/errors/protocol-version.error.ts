import { TServerClientError } from './tserver-client.error';
import type { TServerRequestError } from './tserver-request.error';

/** The T-Server does not speak the requested protocol version (EventError 55 to RequestRegisterClient). */
export class ProtocolVersionError extends TServerClientError {
  constructor(
    readonly protocolVersion: string,
    readonly endpoint: string,
    refusal: TServerRequestError,
  ) {
    super(
      `${endpoint} does not accept protocol version "${protocolVersion}" (${refusal.errorMessage}); ` +
        'change the protocolVersion option',
      false,
      { cause: refusal },
    );
  }
}
