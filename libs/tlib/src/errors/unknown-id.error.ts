import { TlibProtocolError } from './protocol.error';

/** A message id or name that the protocol's registry does not list. */
export class UnknownMessageError extends TlibProtocolError {
  constructor(
    readonly protocol: string,
    readonly messageId: number | string,
  ) {
    super('UNKNOWN_MESSAGE', `${protocol}: unknown message ${typeof messageId === 'number' ? 'id ' : ''}${messageId}`);
  }
}

/** An attribute id or name that the protocol's registry does not list. */
export class UnknownAttributeError extends TlibProtocolError {
  constructor(
    readonly protocol: string,
    readonly attribute: number | string,
  ) {
    super(
      'UNKNOWN_ATTRIBUTE',
      `${protocol}: unknown attribute ${typeof attribute === 'number' ? 'id ' : ''}${attribute}`,
    );
  }
}
