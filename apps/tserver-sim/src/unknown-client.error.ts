/** A control request named a client id that has no link. */
export class UnknownClientError extends Error {
  constructor(readonly clientId: string) {
    super(`no client ${clientId}`);
    this.name = 'UnknownClientError';
  }
}
