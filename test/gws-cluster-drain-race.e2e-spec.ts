import type { PushSessionStore } from '@gws/stores';
import { CometdGateway, PUSH_CLUSTER, type PushCluster } from '../apps/gws/src/notifications';
import { PUSH_SESSION_STORE } from '../apps/gws/src/stores/store.tokens';
import { GwsRestAgent } from './support/gws-rest-agent';
import { rawBayeux } from './support/raw-bayeux';
import { useInProcessCluster, type InProcessNode } from './support/in-process-nodes';

/** A promise and the function that settles it. */
function gate(): { promise: Promise<void>; open: () => void } {
  let open = (): void => undefined;
  const promise = new Promise<void>((resolve) => (open = resolve));
  return { promise, open };
}

describe('GWS cluster: a CometD session adopted by a node that begins to drain meanwhile', () => {
  const peers = useInProcessCluster({ NODE_HEARTBEAT_MS: '200', NODE_TTL_MS: '600' });
  const startNode = (nodeId: string): Promise<InProcessNode> => peers.startNode(nodeId);

  it('answers that poll 503 and keeps the session for its client, which goes on with no re-handshake', async () => {
    const nodeA = await startNode('a');
    const nodeB = await startNode('b');
    const login = new GwsRestAgent(`http://127.0.0.1:${nodeA.port}`, 'agent1');
    await login.login();
    const browser = peers.browser({ port: nodeA.port, cookies: { JSESSIONID: login.sessionId! }, timeoutMs: 5000 });
    await browser.handshake();
    await browser.connected();
    const clientId = browser.clientId!;

    // B's adoption is held right after its claim, and B starts to hand its sessions over (SIGTERM) meanwhile.
    const cluster = nodeB.app.get<PushCluster>(PUSH_CLUSTER);
    const adopt = cluster.adopt.bind(cluster);
    const claimed = gate();
    const resumed = gate();
    cluster.adopt = async (...args) => {
      const adopted = await adopt(...args);
      claimed.open();
      await resumed.promise;
      return adopted;
    };
    const poll = rawBayeux(
      nodeB.port,
      [{ channel: '/meta/connect', clientId, connectionType: 'long-polling', id: '900' }],
      { cookies: { JSESSIONID: login.sessionId! } },
    );
    await claimed.promise;
    const handingOver = nodeB.app.get(CometdGateway).close();
    resumed.open();
    expect((await poll).status).toBe(503);
    await handingOver;

    // The record outlives B's copy (B used to end it as a session of its own, deleting it): the client continues on
    // A, which takes the session back, and hears the agent's next event there.
    expect(await nodeA.app.get<PushSessionStore>(PUSH_SESSION_STORE).get(clientId)).toBeDefined();
    expect((await login.startContactCenterSession()).body).toEqual({ statusCode: 0 });
    await browser.nextMessage('/v2/me/devices', (message) => {
      const devices = (message.data as { devices?: unknown[] }).devices;
      return devices !== undefined && devices.length > 0;
    });
    expect({
      clientId: browser.clientId,
      handshakes: browser.handshakes,
      failedPolls: browser.connectReplies.filter((reply) => !reply.successful),
    }).toEqual({ clientId, handshakes: 1, failedPolls: [] });
  }, 30_000);
});
