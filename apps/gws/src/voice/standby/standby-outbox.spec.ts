import type { CallStateChangeMessage } from '../../notifications';
import { parseOrigin } from '../event-cause';
import { StandbyOutbox } from './standby-outbox';

/** A call message whose call id says which event and which of its messages it is. */
const message = (id: string): CallStateChangeMessage =>
  ({ messageType: 'CallStateChangeMessage', notificationType: 'StatusChange', call: { id } }) as CallStateChangeMessage;

const idsOf = (outbox: StandbyOutbox, mark?: { origin: string; count: number }): string[] =>
  outbox.pendingAfter(mark).notifications.map((held) => (held.data as CallStateChangeMessage).call.id);

describe('StandbyOutbox', () => {
  let now: number;
  let outbox: StandbyOutbox;

  beforeEach(() => {
    now = 1_000;
    outbox = new StandbyOutbox(10_000, () => now);
  });

  const hold = (id: string, origin?: string): void =>
    outbox.hold('/v2/me/calls', message(id), {
      at: now,
      ...(origin === undefined ? {} : { origin: parseOrigin(origin)! }),
    });

  it('keeps what follows the mark: later events, and the messages of the marked event past the count logged', () => {
    hold('5a', '7:5');
    hold('6a', '7:6');
    hold('6b', '7:6');
    hold('6c', '7:6');
    hold('8a', '7:8');
    expect(idsOf(outbox, { origin: '7:6', count: 1 })).toEqual(['6b', '6c', '8a']);
    expect(idsOf(outbox, { origin: '7:6', count: 3 })).toEqual(['8a']);
    expect(idsOf(outbox, { origin: '7:4', count: 1 })).toEqual(['5a', '6a', '6b', '6c', '8a']);
    expect(idsOf(outbox, { origin: '7:9', count: 1 })).toEqual([]);
  });

  it('lets go of what precedes an event the holder logged a message for, and keeps that event’s', () => {
    hold('5a', '7:5');
    hold('6a', '7:6');
    hold('6b', '7:6');
    hold('8a', '7:8');
    outbox.logged('7:6');
    expect(outbox.size).toBe(3);
    expect(idsOf(outbox, { origin: '7:6', count: 1 })).toEqual(['6b', '8a']);
    outbox.logged('7:9');
    expect(outbox.size).toBe(0);
  });

  it('orders by T-Server start first: events of a restarted T-Server come after any of the one before', () => {
    hold('old', '7:900');
    hold('new', '8:1');
    expect(idsOf(outbox, { origin: '7:950', count: 1 })).toEqual(['new']);
  });

  it('gives everything when the holder logged no event, and holds nothing without an origin', () => {
    hold('snapshot');
    hold('a', '7:1');
    expect(idsOf(outbox)).toEqual(['a']);
    expect(outbox.size).toBe(1);
  });

  it('drops what is older than the window and says so when the holder may not have logged it', () => {
    hold('a', '7:1');
    now += 6_000;
    hold('b', '7:2');
    now += 6_000;
    hold('c', '7:3');
    expect(outbox.size).toBe(2);
    expect(outbox.pendingAfter({ origin: '7:1', count: 1 })).toMatchObject({ overrun: false });
    expect(outbox.pendingAfter({ origin: '7:0', count: 1 })).toMatchObject({ overrun: true });
    expect(outbox.pendingAfter(undefined)).toMatchObject({ overrun: true });
    expect(idsOf(outbox, { origin: '7:0', count: 1 })).toEqual(['b', 'c']);
  });
});
