import type { Clock } from '../clock';

/** A clock tests move by hand. */
export class ManualClock {
  constructor(private current = 1_800_000_000_000) {}

  readonly now: Clock = () => this.current;

  advance(ms: number): void {
    this.current += ms;
  }
}
