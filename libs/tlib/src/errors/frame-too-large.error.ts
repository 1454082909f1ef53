import { TlibProtocolError } from './protocol.error';

/** A frame header announces (or an encoder would produce) more bytes than the link's maximum frame size. */
export class FrameTooLargeError extends TlibProtocolError {
  constructor(
    readonly frameBytes: number,
    readonly maxFrameBytes: number,
  ) {
    super('FRAME_TOO_LARGE', `frame of ${frameBytes} bytes exceeds the maximum of ${maxFrameBytes} bytes`);
  }
}
