/**
 * An asynchronous failure of an operation GWS accepted with `statusCode: 0`, typically a T-Server
 * EventError. The public GWS docs do not show this message; this shape is our documented choice
 * (docs/notifications.md). It goes out on the topic of the resource concerned.
 */
export interface ErrorMessage {
  messageType: 'ErrorMessage';
  /** The T-Server EventError code (AttributeErrorCode). */
  errorCode: number;
  /** Its text (AttributeErrorMessage, or the standard text of the code). */
  errorMessage: string;
  /** The GWS operation that failed, e.g. `Answer`. */
  operationName: string;
  /** Absolute URI of the resource concerned, e.g. `http://h/api/v2/me/calls/{id}`. */
  resourceUri: string;
}

/** Builds an {@link ErrorMessage} with exactly the documented keys, in the documented order. */
export function errorMessage(fields: Omit<ErrorMessage, 'messageType'>): ErrorMessage {
  return {
    messageType: 'ErrorMessage',
    errorCode: fields.errorCode,
    errorMessage: fields.errorMessage,
    operationName: fields.operationName,
    resourceUri: fields.resourceUri,
  };
}
