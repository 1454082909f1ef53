import type { Message } from 'cometd';
import { JSESSIONID } from '../apps/gws/src/notifications/testing/test-handshake-authenticator';
import type { ChannelStateChangeMessageV2 } from '../apps/gws/src/notifications/messages/channel-state-change-message';
import { CometdLossyProxy } from './support/cometd-lossy-proxy';
import { startCometdNotificationsApp, type CometdNotificationsApp } from './support/cometd-notifications-app';
import { CometdTestClient } from './support/cometd-test-client';

const ALICE = 'a11ce0000000000000000000000000aa';

/** A channel-state message whose channel name is a marker the proxy can spot in the response bytes. */
function marked(marker: string): ChannelStateChangeMessageV2 {
  return {
    messageType: 'ChannelStateChangeMessageV2',
    channels: [
      {
        channel: marker,
        userState: { id: '9430250E-0A1B-421F-B372-F29E69366DED', displayName: 'Ready', state: 'Ready' },
      },
    ],
  };
}
const markerOf = (message: Message): string | undefined =>
  (message.data as ChannelStateChangeMessageV2).channels[0]?.channel;

describe('CometD acknowledgement extension: a long poll lost on the way back', () => {
  let server: CometdNotificationsApp;
  let proxy: CometdLossyProxy;
  let client: CometdTestClient | undefined;

  beforeEach(async () => {
    server = await startCometdNotificationsApp();
    proxy = await CometdLossyProxy.start(server.port);
  });

  afterEach(async () => {
    await client?.disconnect();
    client = undefined;
    await proxy.close();
    await server.close();
  });

  async function connectThroughProxy(ack: boolean): Promise<CometdTestClient> {
    const sessionId = server.authenticator.openSession(ALICE, 'alice');
    client = new CometdTestClient({ port: proxy.port, ack, cookies: { [JSESSIONID]: sessionId } });
    await client.handshake();
    await client.subscribe('/v2/me/channels');
    return client;
  }

  it('handshake reply says the server supports acknowledgements', async () => {
    const sessionId = server.authenticator.openSession(ALICE, 'alice');
    client = new CometdTestClient({ port: server.port, cookies: { [JSESSIONID]: sessionId } });
    await expect(client.handshake()).resolves.toMatchObject({ ext: { ack: true } });
  });

  it('delivers the lost message again on the next long poll, in order, once', async () => {
    const browser = await connectThroughProxy(true);
    const lost = proxy.dropResponseContaining('lost-1');

    expect(server.publisher.publish(ALICE, '/v2/me/channels', marked('lost-1'))).toBe(1);
    await lost; // the server wrote the response; the client's /meta/connect failed
    server.publisher.publish(ALICE, '/v2/me/channels', marked('after-1'));

    await browser.nextMessage('/v2/me/channels', (m) => markerOf(m) === 'after-1');
    expect(browser.messages('/v2/me/channels').map(markerOf)).toEqual(['lost-1', 'after-1']);
  });

  it('without the client extension the same loss is final (control)', async () => {
    const browser = await connectThroughProxy(false);
    const lost = proxy.dropResponseContaining('lost-1');

    server.publisher.publish(ALICE, '/v2/me/channels', marked('lost-1'));
    await lost;
    server.publisher.publish(ALICE, '/v2/me/channels', marked('after-1'));

    await browser.nextMessage('/v2/me/channels', (m) => markerOf(m) === 'after-1');
    expect(browser.messages('/v2/me/channels').map(markerOf)).toEqual(['after-1']);
  });
});
