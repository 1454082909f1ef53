import { ConfServError, type ConfServErrorCode } from '@gws/confserv';

/** A request the simulator answers with EventError `code`; the message is the SATRCFG_DESCRIPTION. */
export class RequestRefusal extends ConfServError {
  constructor(
    readonly errorCode: ConfServErrorCode,
    description: string,
  ) {
    super('REQUEST_REFUSED', description);
  }
}
