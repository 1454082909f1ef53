import type { SipRequest, SipResponse } from './sip-message';
import type { SipStack } from './sip-stack';

/**
 * The requests a leg sends in its dialog (NOTIFY, INFO, re-INVITE), one at a time: each goes once the one before
 * has its final response, so a re-INVITE never overlaps another request of ours and CSeq order is send order.
 */
export class InDialogRequests {
  private last: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly stack: SipStack,
    /** Whether the dialog still takes requests; one queued after it ended is not sent. */
    private readonly open: () => boolean,
  ) {}

  /**
   * Resolves with the final response (a 408 from the stack after timer F), or undefined when not sent. `everyFinal`
   * also sees the retransmissions of a re-INVITE's 2xx (each needs its ACK).
   */
  send(build: () => SipRequest, everyFinal?: (response: SipResponse) => void): Promise<SipResponse | undefined> {
    const sent = this.last.then(
      () =>
        new Promise<SipResponse | undefined>((resolve) => {
          if (!this.open()) {
            resolve(undefined);
            return;
          }
          this.stack.send(build(), (response) => {
            if (response.status < 200) return;
            everyFinal?.(response);
            resolve(response);
          });
        }),
    );
    this.last = sent;
    return sent;
  }
}
