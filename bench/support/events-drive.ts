/**
 * The call schedule both server children run (GWS and the bare baseline), so that both see the same load shape:
 * calls start at an even pace of `ratePerSecond / 2` per second on random idle targets (one call per target at a
 * time), each is released `holdMs` after it started, and every event is stamped with its origin time.
 */
import type { DriveReport, DriveSpec } from './events-protocol';
import { wallClockMs } from './events-clock';

/** One side of the drive: how a call starts and ends on a target, and when each event originated. */
export interface DriveTarget<Call> {
  /** Starts a call on target `index`: its id and the origin stamp of its Ringing event. Throws on failure. */
  start(index: number): { call: Call; id: string; origin: number };
  /** Ends a call: the origin stamp of its Released event. Throws on failure. */
  end(call: Call): number;
}

interface InFlight<Call> {
  readonly call: Call;
  readonly id: string;
  readonly target: number;
  readonly endAt: number;
}

const TICK_MS = 1;

export function drive<Call>(
  spec: DriveSpec,
  targetCount: number,
  target: DriveTarget<Call>,
): Promise<Omit<DriveReport, 'type'>> {
  const callsPerMs = spec.ratePerSecond / 2 / 1000;
  const idle = Array.from({ length: targetCount }, (_, index) => index);
  const inFlight: InFlight<Call>[] = [];
  const keys: string[] = [];
  const origins: number[] = [];
  const targetIndexes: number[] = [];
  let callsStarted = 0;
  let callsEnded = 0;
  let scheduled = 0;
  let skippedNoIdleTarget = 0;
  let errors = 0;
  let firstError: string | undefined;
  let maxInFlight = 0;
  let maxTickGapMs = 0;
  const start = wallClockMs();
  const windowFrom = start + spec.warmupMs;
  const windowTo = windowFrom + spec.durationMs;
  let lastTick = start;

  const fail = (error: unknown): void => {
    errors++;
    firstError ??= error instanceof Error ? error.message : String(error);
  };

  return new Promise((resolve) => {
    const tick = (): void => {
      const now = wallClockMs();
      maxTickGapMs = Math.max(maxTickGapMs, now - lastTick);
      lastTick = now;
      // Releases first: they free targets for the calls due now.
      while (inFlight.length > 0 && inFlight[0]!.endAt <= now) {
        const ending = inFlight.shift()!;
        idle.push(ending.target);
        try {
          origins.push(target.end(ending.call));
          keys.push(`${ending.id}:Released`);
          targetIndexes.push(ending.target);
          callsEnded++;
        } catch (error) {
          fail(error);
        }
      }
      const due = now < windowTo ? Math.floor((now - start) * callsPerMs) : scheduled;
      while (scheduled < due) {
        scheduled++;
        if (idle.length === 0) {
          skippedNoIdleTarget++;
          continue;
        }
        const pick = Math.floor(Math.random() * idle.length);
        const index = idle[pick]!;
        idle[pick] = idle[idle.length - 1]!;
        idle.pop();
        try {
          const started = target.start(index);
          keys.push(`${started.id}:Ringing`);
          origins.push(started.origin);
          targetIndexes.push(index);
          inFlight.push({ call: started.call, id: started.id, target: index, endAt: started.origin + spec.holdMs });
          callsStarted++;
        } catch (error) {
          idle.push(index);
          fail(error);
        }
      }
      maxInFlight = Math.max(maxInFlight, inFlight.length);
      if (now >= windowTo && inFlight.length === 0) {
        clearInterval(timer);
        resolve({
          windowFrom,
          windowTo,
          callsStarted,
          callsEnded,
          skippedNoIdleTarget,
          errors,
          firstError,
          maxInFlight,
          maxTickGapMs: Math.round(maxTickGapMs * 10) / 10,
          keys,
          origins,
          targetIndexes,
        });
      }
    };
    const timer = setInterval(tick, TICK_MS);
  });
}
