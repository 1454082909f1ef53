import { TlibError } from './tlib.error';

/**
 * Bytes that do not form a valid frame. Decoders throw nothing else on bad input, so a link owner can catch
 * this one type, log the reason and close the link.
 */
export class TlibProtocolError extends TlibError {}
