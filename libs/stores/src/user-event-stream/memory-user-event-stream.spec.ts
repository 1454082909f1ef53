import { waitFor } from '@gws/testing';
import { MemoryUserEventStream } from './memory-user-event-stream';
import type { UserEvent } from './user-event-stream';

interface Topics {
  '/calls': { call: { id: string; parties: string[] } };
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
});
