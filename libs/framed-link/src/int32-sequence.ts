import { INT32_MAX } from '@gws/tlib';

/** Correlation ids 1, 2, ... 2^31-1, then 1 again: positive int32 as T-Lib ReferenceID wants, never 0 (unsolicited). */
export class Int32Sequence {
  private last: number;

  constructor(start = 0) {
    this.last = start;
  }

  next(): number {
    this.last = this.last >= INT32_MAX ? 1 : this.last + 1;
    return this.last;
  }
}
