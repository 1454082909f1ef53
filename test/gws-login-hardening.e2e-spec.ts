import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import type { SessionStore } from '@gws/stores';
import { SESSION_STORE } from '../apps/gws/src/sessions/session.service';
import { CometdReplyError, CometdTestClient } from './support/cometd-test-client';
import { GwsRestAgent } from './support/gws-rest-agent';
import { startGwsTestPlatform, type GwsTestPlatform } from './support/gws-test-platform';

const LIMIT = 5;
const COLON_PASSWORD = 'pa:ss:word';

/** The demo contact center with agent20's password changed to one with colons. */
function directoryWithColonPassword(dir: string): string {
  const demo = parse(readFileSync(join(__dirname, '../config/demo-contact-center.yaml'), 'utf8')) as {
    persons: { userName: string; password?: string }[];
  };
  demo.persons.find((person) => person.userName === 'agent20')!.password = COLON_PASSWORD;
  const file = join(dir, 'directory.yaml');
  writeFileSync(file, stringify(demo));
  return file;
}

/** Issue 10, findings 2, 5 and 9: every guess counts, sessions stay bounded, one reading of Basic everywhere. */
describe('GWS logins under abuse', () => {
  let platform: GwsTestPlatform;
  let dir: string;
  const authentications = (): number => platform.simulators.confserv.requestCount('RequestAuthenticate');

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'gws-login-'));
    platform = await startGwsTestPlatform({
      directoryFile: directoryWithColonPassword(dir),
      env: { LOGIN_FAILURE_LIMIT: String(LIMIT), LOGIN_ADDRESS_FAILURE_LIMIT: '1000', MAX_SESSIONS_PER_USER: '3' },
    });
  });
  afterAll(async () => {
    await platform.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('checks at most the limit of 50 parallel REST guesses, and refuses the right password among them', async () => {
    const before = authentications();
    const guesses = Array.from({ length: 49 }, (_, i) =>
      new GwsRestAgent(platform.baseUrl, 'agent3', `guess${i}`).attemptLogin(),
    );
    guesses.push(new GwsRestAgent(platform.baseUrl, 'agent3').attemptLogin());
    const answers = await Promise.all(guesses);
    expect(authentications() - before).toBeLessThanOrEqual(LIMIT);
    expect(answers.at(-1)!.status).toBe(429);
    expect(answers.filter((answer) => answer.status === 401)).toHaveLength(authentications() - before);
    expect(answers.every((answer) => answer.status === 401 || answer.status === 429)).toBe(true);
    // The lockout holds for the right password afterwards too.
    const after = await new GwsRestAgent(platform.baseUrl, 'agent3').attemptLogin();
    expect(after.status).toBe(429);
  });

  it('checks at most the limit of 50 parallel CometD handshake guesses', async () => {
    const before = authentications();
    const browsers = Array.from(
      { length: 50 },
      (_, i) =>
        new CometdTestClient({
          port: platform.port,
          basic: { user: 'agent5', password: i === 49 ? 'password' : `guess${i}` },
          timeoutMs: 10_000,
        }),
    );
    const results = await Promise.allSettled(browsers.map((browser) => browser.handshake()));
    expect(authentications() - before).toBeLessThanOrEqual(LIMIT);
    const refusals = results.flatMap((result) => (result.status === 'rejected' ? [result.reason as unknown] : []));
    expect(refusals).toHaveLength(50);
    expect(refusals.every((reason) => reason instanceof CometdReplyError)).toBe(true);
    await Promise.all(browsers.map((browser) => browser.disconnect().catch(() => undefined)));
  });

  it('reads a password with colons the same on REST and on the CometD handshake', async () => {
    const rest = await new GwsRestAgent(platform.baseUrl, 'agent20', COLON_PASSWORD).attemptLogin();
    expect(rest.status).toBe(200);
    const cut = await new GwsRestAgent(platform.baseUrl, 'agent20', 'pa:ss').attemptLogin();
    expect(cut.status).toBe(401);
    const browser = new CometdTestClient({ port: platform.port, basic: { user: 'agent20', password: COLON_PASSWORD } });
    await browser.handshake();
    await browser.disconnect();
  });

  it('gives a client that keeps no cookie one session, however many requests it sends', async () => {
    const store = platform.app.get<SessionStore>(SESSION_STORE);
    const user = (await new GwsRestAgent(platform.baseUrl, 'agent7').login()).body as { user: { id: string } };
    const userId = user.user.id;
    const first = (await store.listByUser(userId)).map((session) => session.id);
    expect(first).toHaveLength(1);
    for (let i = 0; i < 20; i++) {
      const scripted = new GwsRestAgent(platform.baseUrl, 'agent7');
      const answer = await scripted.attemptLogin();
      expect(answer.status).toBe(200);
      expect(scripted.sessionId).toBe(first[0]);
    }
    expect((await store.listByUser(userId)).map((session) => session.id)).toEqual(first);
  });

  it('keeps at most MAX_SESSIONS_PER_USER sessions per user, ending the oldest', async () => {
    const store = platform.app.get<SessionStore>(SESSION_STORE);
    const browsers: GwsRestAgent[] = [];
    let userId = '';
    for (let i = 0; i < 5; i++) {
      const browser = new GwsRestAgent(platform.baseUrl, 'agent8');
      userId = ((await browser.login()).body as { user: { id: string } }).user.id;
      // The browser comes back with its cookie, so the next login gets a session of its own.
      expect((await browser.get('/api/v2/me')).status).toBe(200);
      browsers.push(browser);
    }
    expect(await store.listByUser(userId)).toHaveLength(3);
    expect((await browsers[0]!.get('/api/v2/me')).status).toBe(401);
    expect((await browsers[1]!.get('/api/v2/me')).status).toBe(401);
    expect((await browsers[4]!.get('/api/v2/me')).status).toBe(200);
  });
});
