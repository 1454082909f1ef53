/** A request the switch refuses. The link turns it into EventError with this ErrorCode and the message as text. */
export class TServerError extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
    this.name = 'TServerError';
  }
}
