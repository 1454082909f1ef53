/**
 * What every user's browser received of the user's event stream, by sequence number: in a cluster each data message
 * GWS pushes carries `ext.seq`, the user's stream sequence number (1, 2, 3 ...), and a browser should see each number
 * once and in order. A number skipped is an event lost, a number seen twice a duplicate.
 */

interface Received {
  readonly seq: number | undefined;
  /** Bench clock (events-clock.ts). */
  readonly at: number;
}

/** A run of sequence numbers a user never received, between two it did. */
export interface SequenceGap {
  readonly user: string;
  /** The last number received before the gap, and when. */
  readonly after: number;
  readonly afterAt: number;
  /** The numbers missing (`missingFrom` .. `missingTo`), and when the next one arrived. */
  readonly missingFrom: number;
  readonly missingTo: number;
  readonly resumedAt: number;
}

/** A number a user received again. */
export interface SequenceRepeat {
  readonly user: string;
  readonly seq: number;
  /** When it first arrived, and when again. */
  readonly firstAt: number;
  readonly againAt: number;
}

export interface SequenceReport {
  /** Data messages received, all users. */
  readonly messages: number;
  /** Data messages with no `ext.seq`. */
  readonly withoutSeq: number;
  /** Numbers never received between the first and the last a user received (the events lost). */
  readonly lost: number;
  /** Numbers received more than once (each extra copy counts). */
  readonly duplicates: number;
  /** Messages whose number was lower than one the user had already received, not counting duplicates. */
  readonly outOfOrder: number;
  /** Users with at least one gap. */
  readonly usersWithGaps: number;
  /** The first gaps and repeats (by time), for the report. */
  readonly gaps: readonly SequenceGap[];
  readonly repeats: readonly SequenceRepeat[];
}

const REPORTED = 20;

export class SequenceLog {
  private readonly byUser = new Map<string, Received[]>();

  /** A data message (not /meta/) reached `user`'s browser. */
  record(user: string, seq: number | undefined, at: number): void {
    let received = this.byUser.get(user);
    if (received === undefined) this.byUser.set(user, (received = []));
    received.push({ seq, at });
  }

  /** When `user`'s browser first received a data message at or after `time`, or undefined. */
  firstAfter(user: string, time: number): number | undefined {
    return this.byUser.get(user)?.find((message) => message.at >= time)?.at;
  }

  /** The whole log so far, counted. */
  report(): SequenceReport {
    let messages = 0;
    let withoutSeq = 0;
    let lost = 0;
    let duplicates = 0;
    let outOfOrder = 0;
    const gaps: SequenceGap[] = [];
    const repeats: SequenceRepeat[] = [];
    const usersWithGaps = new Set<string>();
    for (const [user, received] of this.byUser) {
      messages += received.length;
      const seen = new Map<number, number>();
      let highest = -Infinity;
      for (const { seq, at } of received) {
        if (seq === undefined) {
          withoutSeq++;
          continue;
        }
        const firstAt = seen.get(seq);
        if (firstAt !== undefined) {
          duplicates++;
          repeats.push({ user, seq, firstAt, againAt: at });
          continue;
        }
        seen.set(seq, at);
        if (seq < highest) outOfOrder++;
        highest = Math.max(highest, seq);
      }
      // Gaps: numbers between the lowest and highest received that never arrived (late arrivals fill them).
      const numbers = [...seen.keys()].sort((a, b) => a - b);
      for (let i = 1; i < numbers.length; i++) {
        const before = numbers[i - 1]!;
        const next = numbers[i]!;
        if (next === before + 1) continue;
        lost += next - before - 1;
        usersWithGaps.add(user);
        const afterAt = seen.get(before)!;
        const resumedAt = seen.get(next)!;
        gaps.push({ user, after: before, afterAt, missingFrom: before + 1, missingTo: next - 1, resumedAt });
      }
    }
    gaps.sort((a, b) => a.resumedAt - b.resumedAt);
    repeats.sort((a, b) => a.againAt - b.againAt);
    return {
      messages,
      withoutSeq,
      lost,
      duplicates,
      outOfOrder,
      usersWithGaps: usersWithGaps.size,
      gaps: gaps.slice(0, REPORTED),
      repeats: repeats.slice(0, REPORTED),
    };
  }
}
