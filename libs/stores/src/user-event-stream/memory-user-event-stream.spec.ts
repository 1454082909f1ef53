import { waitFor } from '@gws/testing';
import { ManualClock } from '../testing/manual-clock';
import { MemoryUserEventStream } from './memory-user-event-stream';
import type { UserEvent } from './user-event-stream';

interface Topics {
  '/calls': { call: { id: string; parties: string[] } };
}

const call = (id: string): Topics['/calls'] => ({ call: { id, parties: ['5001'] } });

/** The sequence numbers each user's log holds. */
async function logged(stream: MemoryUserEventStream<Topics>, users: readonly string[]): Promise<number[][]> {
  return Promise.all(users.map(async (user) => (await stream.since(user, 0)).map((event) => event.seq)));
}

describe('MemoryUserEventStream', () => {
  it('hands every handler, and the log, the appended message itself: nothing is copied on the push path', async () => {
    const stream = new MemoryUserEventStream<Topics>();
    const seen: UserEvent<Topics>[] = [];
    await stream.subscribe((event) => seen.push(event));
    await stream.subscribe((event) => seen.push(event));
    const message = { call: { id: 'c1', parties: ['5001'] } };
    await stream.append('alice', '/calls', message);
    await waitFor(() => seen.length === 2, 1000, 'both handlers');
    expect(seen[0]!.data).toBe(message);
    expect(seen[1]).toBe(seen[0]);
    expect((await stream.since('alice', 0))[0]).toBe(seen[0]);
    await stream.close();
  });

  it('keeps at most maxTotalEntries over all users, dropping the oldest whoever they belong to', async () => {
    const stream = new MemoryUserEventStream<Topics>({ maxTotalEntries: 4 });
    for (const user of ['alice', 'bob', 'alice', 'carol', 'bob', 'alice'])
      await stream.append(user, '/calls', call(user));
    expect(await logged(stream, ['alice', 'bob', 'carol'])).toEqual([[2, 3], [2], [1]]);
    // Numbering goes on where it was.
    expect(await stream.append('bob', '/calls', call('bob'))).toBe(3);
    expect(await logged(stream, ['alice', 'bob', 'carol'])).toEqual([[3], [2, 3], [1]]);
    await stream.close();
  });

  it('drops a user’s old events once they are maxAgeMs old even if that user receives nothing more', async () => {
    const clock = new ManualClock();
    const stream = new MemoryUserEventStream<Topics>({ maxAgeMs: 1000 }, clock.now);
    await stream.append('alice', '/calls', call('a1'));
    clock.advance(600);
    await stream.append('bob', '/calls', call('b1'));
    clock.advance(600);
    await stream.append('carol', '/calls', call('c1'));
    // The trim is in append order, over every user: alice's event is 1,200 ms old, bob's 600 ms.
    const users = ['alice', 'bob', 'carol'];
    expect(await logged(stream, users)).toEqual([[], [1], [1]]);
    await stream.close();
  });

  it('counts what per-user bounds and clear() removed, so that the total bound drops only what is left', async () => {
    const stream = new MemoryUserEventStream<Topics>({ maxEntries: 2, maxTotalEntries: 3 });
    for (let n = 0; n < 3; n++) await stream.append('alice', '/calls', call(`a${n}`));
    await stream.append('bob', '/calls', call('b0'));
    // alice keeps 2 (her own bound), bob 1: 3 in all, nothing more to drop.
    expect(await logged(stream, ['alice', 'bob'])).toEqual([[2, 3], [1]]);
    await stream.clear('alice');
    await stream.append('carol', '/calls', call('c0'));
    await stream.append('carol', '/calls', call('c1'));
    expect(await logged(stream, ['alice', 'bob', 'carol'])).toEqual([[], [1], [1, 2]]);
    // carol's own bound drops her first: 3 in all again, so bob keeps his.
    await stream.append('carol', '/calls', call('c2'));
    expect(await logged(stream, ['alice', 'bob', 'carol'])).toEqual([[], [1], [2, 3]]);
    await stream.append('dave', '/calls', call('d0'));
    expect(await logged(stream, ['bob', 'carol', 'dave'])).toEqual([[], [2, 3], [1]]);
    await stream.close();
  });

  it('trims a long run of appends in order, the queue compacted along the way', async () => {
    const stream = new MemoryUserEventStream<Topics>({ maxTotalEntries: 1000 });
    const users = Array.from({ length: 50 }, (_, n) => `agent${n}`);
    for (let n = 0; n < 20_000; n++) await stream.append(users[n % 50]!, '/calls', call(`c${n}`));
    const kept = await logged(stream, users);
    expect(kept.flat()).toHaveLength(1000);
    // Each user keeps their newest 20 (400 appended each).
    kept.forEach((seqs) => expect(seqs).toEqual(Array.from({ length: 20 }, (_, n) => 381 + n)));
    await stream.close();
  });
});
