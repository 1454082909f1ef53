import { TServerClientError } from './tserver-client.error';

/** A TServerClient option is missing or out of range. */
export class InvalidOptionError extends TServerClientError {
  constructor(
    readonly option: string,
    readonly value: unknown,
    expected: string,
  ) {
    super(`invalid TServerClient option ${option}: ${JSON.stringify(value) ?? String(value)} (${expected})`, false);
  }
}
