import { VoiceSessions } from './voice-session';

describe('VoiceSessions.exclusive', () => {
  it("runs one user's changes one at a time, in order, whether they succeed or fail", async () => {
    const sessions = new VoiceSessions();
    const log: string[] = [];
    let release!: () => void;
    const first = sessions.exclusive('u1', async () => {
      log.push('first starts');
      await new Promise<void>((resolve) => (release = resolve));
      log.push('first ends');
      throw new Error('first failed');
    });
    const second = sessions.exclusive('u1', () => {
      log.push('second');
      return Promise.resolve(2);
    });
    const other = sessions.exclusive('u2', () => {
      log.push('other user');
      return Promise.resolve();
    });
    await other;
    expect(log).toEqual(['first starts', 'other user']);
    expect(sessions.busy('u1')).toBe(true);
    expect(sessions.busy('u2')).toBe(false);
    release();
    await expect(first).rejects.toThrow('first failed');
    await expect(second).resolves.toBe(2);
    expect(log).toEqual(['first starts', 'other user', 'first ends', 'second']);
    expect(sessions.busy('u1')).toBe(false);
  });
});
