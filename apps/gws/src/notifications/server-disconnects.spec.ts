import { EventEmitter } from 'node:events';
import type { ServerSession } from 'cometd-nodejs-server';
import { ServerDisconnects } from './server-disconnects';

class FakeSession extends EventEmitter {
  readonly disconnect = jest.fn();
  constructor(readonly id: string) {
    super();
  }
  asServerSession(): ServerSession {
    return this as unknown as ServerSession;
  }
}

describe('ServerDisconnects', () => {
  let disconnects: ServerDisconnects;
  beforeEach(() => (disconnects = new ServerDisconnects()));

  function tracked(id: string): FakeSession {
    const session = new FakeSession(id);
    disconnects.track(session.asServerSession());
    return session;
  }

  it('ends a session with a parked long poll at once, and only once', () => {
    const session = tracked('s1');
    session.emit('suspended');
    disconnects.disconnect(session.asServerSession());
    disconnects.disconnect(session.asServerSession());
    expect(session.disconnect).toHaveBeenCalledTimes(1);
    expect(disconnects.isServerDisconnect(session.asServerSession())).toBe(true);
  });

  it('waits for the next long poll of a session between two polls', () => {
    const session = tracked('s1');
    session.emit('suspended');
    session.emit('resumed');
    disconnects.disconnect(session.asServerSession());
    expect(session.disconnect).not.toHaveBeenCalled();
    session.emit('suspended');
    expect(session.disconnect).toHaveBeenCalledTimes(1);
  });

  it('drains: resolves when the last waiting session parked, ends the stragglers at the deadline', async () => {
    const comesBack = tracked('s1');
    const away = tracked('s2');
    disconnects.disconnect(comesBack.asServerSession());
    disconnects.disconnect(away.asServerSession());
    const drained = disconnects.drain(50);
    comesBack.emit('suspended');
    await drained;
    expect(comesBack.disconnect).toHaveBeenCalledTimes(1);
    expect(away.disconnect).toHaveBeenCalledTimes(1);
  });

  it('drains at once when every waiting session was removed meanwhile', async () => {
    const session = tracked('s1');
    disconnects.disconnect(session.asServerSession());
    const drained = disconnects.drain(60_000);
    disconnects.removed(session.asServerSession());
    await drained;
    expect(session.disconnect).not.toHaveBeenCalled();
  });
});
