import { errorText, TErrorCode } from '@gws/tlib';
import { TServerClientError } from './tserver-client.error';

/** T-Server codes that describe a passing condition rather than a wrong request. */
const RETRIABLE_CODES: ReadonlySet<number> = new Set([
  TErrorCode.NoMoreLicense,
  TErrorCode.ResourceSeized,
  TErrorCode.Internal,
  TErrorCode.NoSwitch,
  TErrorCode.Timeout,
  TErrorCode.OutOfService,
]);

/** The T-Server refused a request: EventError with the request's ReferenceID. */
export class TServerRequestError extends TServerClientError {
  readonly errorMessage: string;

  constructor(
    readonly requestName: string,
    readonly referenceId: number,
    readonly errorCode: number,
    errorMessage: string | undefined,
  ) {
    const text = errorMessage ?? errorText(errorCode);
    super(
      `${requestName} (ReferenceID ${referenceId}) refused: EventError ${errorCode} ${text}`,
      RETRIABLE_CODES.has(errorCode),
    );
    this.errorMessage = text;
  }
}
