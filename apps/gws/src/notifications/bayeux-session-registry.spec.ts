import { BayeuxSessionRegistry, type SessionAddedEvent, type SessionRemovedEvent } from './bayeux-session-registry';
import type { NotificationsLogger } from './notifications-logger';

const alice = (sessionId: string) => ({ userId: 'alice-id', userName: 'alice', sessionId });
const bob = { userId: 'bob-id', userName: 'bob', sessionId: 'http-b' };

describe('BayeuxSessionRegistry', () => {
  let logger: jest.Mocked<NotificationsLogger>;
  let registry: BayeuxSessionRegistry;

  beforeEach(() => {
    logger = { debug: jest.fn(), info: jest.fn(), warn: jest.fn() };
    registry = new BayeuxSessionRegistry(logger);
  });

  it('indexes sessions by user and by HTTP session', () => {
    const [a1, a2, a3, b1] = [{ id: 'a1' }, { id: 'a2' }, { id: 'a3' }, { id: 'b1' }];
    registry.bind(a1, alice('http-1'));
    registry.bind(a2, alice('http-1'));
    registry.bind(a3, alice('http-2'));
    registry.bind(b1, bob);

    expect(registry.sessionsOfUser('alice-id')).toEqual([a1, a2, a3]);
    expect(registry.sessionsOfHttpSession('http-1')).toEqual([a1, a2]);
    expect(registry.principalOf('a3')).toEqual(alice('http-2'));
    expect(registry.stats()).toEqual({ bayeuxSessions: 4, users: 2, httpSessions: 3 });

    registry.unbind(a1, 'client');
    registry.unbind(a2, 'timeout');
    expect(registry.sessionsOfHttpSession('http-1')).toEqual([]);
    expect(registry.sessionsOfUser('alice-id')).toEqual([a3]);
    expect(registry.stats()).toEqual({ bayeuxSessions: 2, users: 2, httpSessions: 2 });
  });

  it('visits only the sessions of the user it publishes to', () => {
    registry.bind({ id: 'a1' }, alice('http-1'));
    registry.bind({ id: 'b1' }, bob);
    const visited: string[] = [];
    expect(registry.forEachSessionOfUser('alice-id', (s) => visited.push(s.id))).toBe(1);
    expect(visited).toEqual(['a1']);
    expect(registry.forEachSessionOfUser('nobody', () => visited.push('x'))).toBe(0);
  });

  it('reports presence, including when a user loses the last session', () => {
    const added: SessionAddedEvent[] = [];
    const removed: SessionRemovedEvent[] = [];
    registry.onSessionAdded((e) => added.push(e));
    const stop = registry.onSessionRemoved((e) => removed.push(e));
    const [a1, a2] = [{ id: 'a1' }, { id: 'a2' }];

    registry.bind(a1, alice('http-1'));
    registry.bind(a2, alice('http-2'));
    registry.unbind(a1, 'server');
    registry.unbind(a1, 'server'); // already gone: no second event
    registry.unbind(a2, 'timeout');
    stop();
    registry.bind(a1, alice('http-1'));
    registry.unbind(a1, 'client');

    expect(added.map((e) => e.userSessions)).toEqual([1, 2, 1]);
    expect(removed).toEqual([
      { session: { bayeuxSessionId: 'a1', userId: 'alice-id', userName: 'alice' }, reason: 'server', userSessions: 1 },
      { session: { bayeuxSessionId: 'a2', userId: 'alice-id', userName: 'alice' }, reason: 'timeout', userSessions: 0 },
    ]);
  });

  it('keeps notifying the other listeners when one throws, and logs it', () => {
    const second = jest.fn();
    registry.onSessionAdded(() => {
      throw new Error('boom');
    });
    registry.onSessionAdded(second);
    registry.bind({ id: 'a1' }, alice('http-1'));
    expect(second).toHaveBeenCalledTimes(1);
    expect(logger.warn).toHaveBeenCalledWith({ error: 'boom' }, 'presence listener failed');
  });
});
