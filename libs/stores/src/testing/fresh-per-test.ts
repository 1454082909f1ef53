import { ManualClock } from './manual-clock';

/** What a contract suite tests: a store of one kind and the clock it was made with. */
export interface PerTest<S> {
  readonly clock: ManualClock;
  readonly subject: S;
}

/**
 * Gives every test of the enclosing `describe` a subject of its own, made by `create` with a fresh clock, and closes
 * it after the test, so that no state leaks from one case into another (a networked store gets a fresh one too).
 * Read `clock` and `subject` inside tests only.
 */
export function freshPerTest<S extends { close(): Promise<unknown> }>(
  create: (clock: ManualClock) => Promise<S>,
): PerTest<S> {
  let current: PerTest<S> | undefined;
  beforeEach(async () => {
    const clock = new ManualClock();
    current = { clock, subject: await create(clock) };
  });
  afterEach(async () => {
    await current?.subject.close();
    current = undefined;
  });
  const now = (): PerTest<S> => {
    if (current === undefined) throw new Error('freshPerTest: read inside a test');
    return current;
  };
  return {
    get clock() {
      return now().clock;
    },
    get subject() {
      return now().subject;
    },
  };
}
