/** Base of every error this library throws. `code` is stable and meant for programs; the message for people. */
export class ConfServError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}
