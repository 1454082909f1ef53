import type { Message } from 'cometd';
import { errorMessage } from '../apps/gws/src/notifications/messages/error-message';
import type { GwsDevice } from '../apps/gws/src/notifications/messages/gws-device';
import type { SessionRemovedEvent } from '../apps/gws/src/notifications/bayeux-session-registry';
import { JSESSIONID } from '../apps/gws/src/notifications/testing/test-handshake-authenticator';
import { startCometdNotificationsApp, type CometdNotificationsApp } from './support/cometd-notifications-app';
import { CometdReplyError, CometdTestClient, type CometdTestClientOptions } from './support/cometd-test-client';

const ALICE = 'a11ce0000000000000000000000000aa';
const BOB = 'b0b00000000000000000000000000bbb';

function device(phoneNumber: string): GwsDevice {
  return {
    id: 'efe1ab32-53f9-43ce-b65e-5768c61f7d4a',
    deviceState: 'Active',
    userState: { id: '9430250E-0A1B-421F-B372-F29E69366DED', displayName: 'Ready', state: 'Ready' },
    phoneNumber,
    e164Number: phoneNumber,
    telephonyNetwork: 'Private',
    doNotDisturb: 'Off',
    voiceEnvironmentUri: 'http://h/api/v2/voice-environments/370e',
    capabilities: ['DoNotDisturbOn', 'ForwardCallsOn'],
  };
}

const devicesOf = (message: Message): GwsDevice[] => (message.data as { devices: GwsDevice[] }).devices;

describe('CometD notifications (/api/v2/notifications)', () => {
  let server: CometdNotificationsApp;
  const clients: CometdTestClient[] = [];

  function browser(options: Omit<CometdTestClientOptions, 'port'> = {}): CometdTestClient {
    const client = new CometdTestClient({ port: server.port, ...options });
    clients.push(client);
    return client;
  }

  /** A browser with its own authenticated HTTP session of the user, handshaken. */
  async function signedIn(userId: string, userName: string): Promise<{ client: CometdTestClient; sessionId: string }> {
    const sessionId = server.authenticator.openSession(userId, userName);
    const client = browser({ cookies: { [JSESSIONID]: sessionId } });
    await client.handshake();
    return { client, sessionId };
  }

  beforeEach(async () => {
    server = await startCometdNotificationsApp();
  });

  afterEach(async () => {
    await Promise.all(clients.splice(0).map((client) => client.disconnect()));
    await server.close();
  });

  describe('handshake', () => {
    it('is refused without an authenticated HTTP session, with advice not to retry', async () => {
      const error = await browser()
        .handshake()
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(CometdReplyError);
      expect((error as CometdReplyError).reply).toMatchObject({
        successful: false,
        error: '403::handshake_denied',
        advice: { reconnect: 'none' },
      });
      expect(server.publisher.stats()).toEqual({ bayeuxSessions: 0, users: 0, httpSessions: 0 });
    });

    it('is refused with a JSESSIONID the session layer does not know (or invalidated)', async () => {
      const sessionId = server.authenticator.openSession(ALICE, 'alice');
      server.authenticator.invalidateSession(sessionId);
      await expect(browser({ cookies: { [JSESSIONID]: sessionId } }).handshake()).rejects.toMatchObject({
        reply: { error: '403::handshake_denied' },
      });
    });

    it('is accepted on the JSESSIONID cookie and binds the Bayeux session to that user', async () => {
      const { client } = await signedIn(ALICE, 'alice');
      expect(client.clientId).toEqual(expect.any(String));
      expect(server.publisher.sessionsOf(ALICE)).toEqual([
        { bayeuxSessionId: client.clientId, userId: ALICE, userName: 'alice' },
      ]);
      expect(server.publisher.stats()).toEqual({ bayeuxSessions: 1, users: 1, httpSessions: 1 });
    });

    it('is accepted on a Basic Authorization header and refused with a wrong password', async () => {
      server.authenticator.addUser('alice', 's3cret', ALICE);
      await browser({ basic: { user: 'alice', password: 's3cret' } }).handshake();
      expect(server.publisher.sessionsOf(ALICE)).toHaveLength(1);
      await expect(browser({ basic: { user: 'alice', password: 'wrong' } }).handshake()).rejects.toMatchObject({
        reply: { error: '403::handshake_denied' },
      });
    });

    it('never logs the session cookie or the Authorization header', async () => {
      server.authenticator.addUser('alice', 's3cret', ALICE);
      const { sessionId } = await signedIn(ALICE, 'alice');
      await browser({ basic: { user: 'alice', password: 's3cret' } }).handshake();
      await browser({ cookies: { [JSESSIONID]: 'forged-session' } })
        .handshake()
        .catch(() => undefined);
      const logged = JSON.stringify(server.logs);
      expect(server.logs.some((line) => line.message === 'handshake accepted')).toBe(true);
      for (const secret of [sessionId, 'forged-session', 's3cret', Buffer.from('alice:s3cret').toString('base64')]) {
        expect(logged).not.toContain(secret);
      }
    });
  });

  describe('channel rules', () => {
    it.each(['/v2/me/devices', '/v2/me/calls', '/v2/me/channels', '/v2/me', '/v2/me/*', '/v2/me/**'])(
      'allows subscribing to %s',
      async (channel) => {
        const { client } = await signedIn(ALICE, 'alice');
        await expect(client.subscribe(channel)).resolves.toMatchObject({ successful: true, subscription: channel });
      },
    );

    it.each(['/v2/users', `/v2/users/${BOB}`, '/v2/me/chats', '/notifications/services', '/**', '/service/anything'])(
      'refuses subscribing to %s',
      async (channel) => {
        const { client } = await signedIn(ALICE, 'alice');
        await expect(client.subscribe(channel)).rejects.toMatchObject({
          reply: { successful: false, error: '403::subscribe_denied' },
        });
      },
    );

    it('refuses every publish from a client, on existing, new and service channels', async () => {
      const { client } = await signedIn(ALICE, 'alice');
      await client.subscribe('/v2/me/devices');
      await expect(client.publish('/v2/me/devices', { messageType: 'DeviceStateChangeMessage' })).rejects.toMatchObject(
        {
          reply: { error: '403::publish_denied' },
        },
      );
      // A permitted topic nobody subscribed to yet is created, then refused like an existing one.
      await expect(client.publish('/v2/me/calls', {})).rejects.toMatchObject({
        reply: { error: '403::publish_denied' },
      });
      for (const channel of ['/v2/users', '/service/gws']) {
        await expect(client.publish(channel, {})).rejects.toMatchObject({ reply: { error: '403::channel_denied' } });
      }
    });
  });

  describe('delivery', () => {
    it("reaches every browser of the user and no one else's", async () => {
      const alice1 = await signedIn(ALICE, 'alice');
      const alice2 = await signedIn(ALICE, 'alice');
      const bob = await signedIn(BOB, 'bob');
      await Promise.all([alice1, alice2, bob].map(({ client }) => client.subscribe('/v2/me/*')));

      const reached = server.publisher.publish(ALICE, '/v2/me/devices', {
        messageType: 'DeviceStateChangeMessage',
        devices: [device('5005')],
      });

      expect(reached).toBe(2);
      for (const { client } of [alice1, alice2]) {
        const message = await client.nextMessage('/v2/me/devices');
        expect(message.data).toEqual({ messageType: 'DeviceStateChangeMessage', devices: [device('5005')] });
      }
      // Bob's own message arrives after Alice's was sent: had Alice's reached him, it would be there first.
      expect(
        server.publisher.publish(BOB, '/v2/me/devices', {
          messageType: 'DeviceStateChangeMessage',
          devices: [device('5006')],
        }),
      ).toBe(1);
      await bob.client.nextMessage('/v2/me/devices');
      expect(bob.client.messages('/v2/me/devices').map(devicesOf)).toEqual([[device('5006')]]);
    });

    it('keeps two tabs of one browser on real-time long polls (maxSessionsPerBrowser 2)', async () => {
      await server.close();
      // Short long polls so that many overlap within the test; a throttled tab would be told so in its advice.
      server = await startCometdNotificationsApp({ timeout: 100, multiSessionInterval: 50 });
      const sessionId = server.authenticator.openSession(ALICE, 'alice');
      const host = '127.0.0.200'; // both tabs share the host, hence the BAYEUX_BROWSER cookie
      const tabs = [0, 1].map(() => browser({ host, cookies: { [JSESSIONID]: sessionId } }));
      // One after the other, as tabs open: the second handshake already carries the browser's cookie.
      for (const tab of tabs) await tab.handshake();
      const replies = await Promise.all(tabs.map((tab) => tab.connectReplyCount(8)));
      expect(replies.flat().filter((reply) => reply.advice?.['multiple-clients'])).toEqual([]);
    });

    it('returns 0 for a user without a Bayeux session', () => {
      expect(
        server.publisher.publish(
          BOB,
          '/v2/me/calls',
          errorMessage({ errorCode: 1, errorMessage: 'x', operationName: 'Answer', resourceUri: 'u' }),
        ),
      ).toBe(0);
    });

    it('pushes ErrorMessage with exactly the documented shape', async () => {
      const { client } = await signedIn(ALICE, 'alice');
      await client.subscribe('/v2/me/calls');
      const resourceUri = 'http://h/api/v2/me/calls/012PUFMMS0ASNAK48O7GK2LAES00000I';
      server.publisher.publish(
        ALICE,
        '/v2/me/calls',
        errorMessage({ errorCode: 56, errorMessage: 'Invalid Called Dn', operationName: 'Dial', resourceUri }),
      );
      const message = await client.nextMessage('/v2/me/calls');
      expect(message.channel).toBe('/v2/me/calls');
      expect(JSON.stringify(message.data)).toBe(
        `{"messageType":"ErrorMessage","errorCode":56,"errorMessage":"Invalid Called Dn","operationName":"Dial","resourceUri":"${resourceUri}"}`,
      );
    });
  });

  describe('ending sessions', () => {
    it('disconnectSession ends the Bayeux sessions of that HTTP session only, and a new handshake on it is refused', async () => {
      const alice1 = await signedIn(ALICE, 'alice');
      const alice2 = await signedIn(ALICE, 'alice');
      const removed: SessionRemovedEvent[] = [];
      server.publisher.onSessionRemoved((event) => removed.push(event));
      const bayeuxSessionId = alice1.client.clientId;

      // What EndContactCenterSession does: invalidate the HTTP session, then end its push sessions.
      server.authenticator.invalidateSession(alice1.sessionId);
      expect(server.publisher.disconnectSession(alice1.sessionId)).toBe(1);

      await alice1.client.disconnectedByServer();
      expect(alice1.client.status).toBe('disconnected');
      expect(removed).toEqual([
        { session: { bayeuxSessionId, userId: ALICE, userName: 'alice' }, reason: 'server', userSessions: 1 },
      ]);
      expect(server.publisher.sessionsOf(ALICE).map((s) => s.bayeuxSessionId)).toEqual([alice2.client.clientId]);
      await expect(alice1.client.handshake()).rejects.toMatchObject({ reply: { error: '403::handshake_denied' } });

      server.publisher.publish(ALICE, '/v2/me/channels', { messageType: 'ChannelStateChangeMessageV2', channels: [] });
      await alice2.client.nextMessage('/v2/me/channels');
    });

    it("disconnectUser ends all the user's sessions and the presence hook reports the last one", async () => {
      const alice1 = await signedIn(ALICE, 'alice');
      const alice2 = await signedIn(ALICE, 'alice');
      const bob = await signedIn(BOB, 'bob');
      const removed: SessionRemovedEvent[] = [];
      server.publisher.onSessionRemoved((event) => removed.push(event));

      expect(server.publisher.disconnectUser(ALICE)).toBe(2);
      await Promise.all([alice1.client.disconnectedByServer(), alice2.client.disconnectedByServer()]);
      expect(removed.map((e) => [e.session.userId, e.reason, e.userSessions])).toEqual([
        [ALICE, 'server', 1],
        [ALICE, 'server', 0],
      ]);
      expect(server.publisher.stats()).toEqual({ bayeuxSessions: 1, users: 1, httpSessions: 1 });
      expect(
        server.publisher.publish(BOB, '/v2/me', {
          messageType: 'PasswordChangeMessage',
          notificationType: 'PasswordChangeSuccessful',
        }),
      ).toBe(1);
      await bob.client.nextMessage('/v2/me');
    });

    it('reports a client-side disconnect to the presence hook', async () => {
      const alice = await signedIn(ALICE, 'alice');
      const removed = new Promise<SessionRemovedEvent>((resolve) => server.publisher.onSessionRemoved(resolve));
      await alice.client.disconnect();
      await expect(removed).resolves.toMatchObject({ reason: 'client', userSessions: 0 });
      expect(server.publisher.sessionsOf(ALICE)).toEqual([]);
    });
  });

  it('closes with clients still connected: they are told to disconnect and nothing stays open', async () => {
    const alice = await signedIn(ALICE, 'alice');
    await alice.client.subscribe('/v2/me/devices');
    await server.close();
    await alice.client.disconnectedByServer();
    expect(server.publisher.stats().bayeuxSessions).toBe(0);
    server = await startCometdNotificationsApp(); // afterEach closes this one
  });
});
