import { LinkError } from './link.error';

/** A client option is missing or out of range; thrown by the client's constructor. */
export class InvalidOptionError extends LinkError {
  constructor(
    /** The client whose option it is: `TServerClient`, `ConfServClient`. */
    readonly client: string,
    readonly option: string,
    readonly value: unknown,
    expected: string,
  ) {
    super(`invalid ${client} option ${option}: ${JSON.stringify(value) ?? String(value)} (${expected})`, false);
  }
}
