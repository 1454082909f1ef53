import { IncomingMessage } from 'node:http';
import { Socket } from 'node:net';
import type { CometDServer, ServerChannel, ServerMessage, ServerSession } from 'cometd-nodejs-server';
import { ChannelSecurityPolicy } from './channel-security.policy';
import { isSubscribableChannel } from './gws-topics';
import type { AuthenticatedPrincipal, HandshakeAuthenticator } from './handshake-authenticator';

const principal: AuthenticatedPrincipal = { userId: 'alice-id', userName: 'alice', sessionId: 'http-1' };
const session = { id: 'bayeux-1' } as ServerSession;
const message = { channel: '/meta/handshake' } as ServerMessage;
const channel = (name: string) => ({ name }) as ServerChannel;

function request(): IncomingMessage {
  return new IncomingMessage(new Socket());
}

function decide(run: (callback: (error?: Error, result?: boolean) => void) => void): Promise<boolean | undefined> {
  return new Promise((resolve, reject) => run((error, result) => (error ? reject(error) : resolve(result))));
}

describe('ChannelSecurityPolicy', () => {
  const context: { request?: unknown } = {};
  const server = { context } as unknown as CometDServer;
  const logger = { debug: jest.fn(), info: jest.fn(), warn: jest.fn() };
  const onAuthenticated = jest.fn();
  const policyWith = (authenticator: HandshakeAuthenticator) =>
    new ChannelSecurityPolicy(server, authenticator, onAuthenticated, logger, isSubscribableChannel);

  beforeEach(() => jest.clearAllMocks());

  it('authenticates the request of the handshake even if the shared context changes meanwhile', async () => {
    const own = request();
    let release: (p: AuthenticatedPrincipal) => void = () => undefined;
    const authenticate = jest.fn(() => new Promise<AuthenticatedPrincipal>((resolve) => (release = resolve)));
    context.request = own;
    const decision = decide((cb) => policyWith({ authenticate }).canHandshake(session, message, cb));
    context.request = request(); // another HTTP request is being processed while authenticate() awaits
    release(principal);

    await expect(decision).resolves.toBe(true);
    expect(authenticate).toHaveBeenCalledWith(own);
    expect(onAuthenticated).toHaveBeenCalledWith(session, principal);
  });

  it('refuses when the authenticator finds nobody, fails, or there is no request', async () => {
    context.request = request();
    await expect(
      decide((cb) => policyWith({ authenticate: () => Promise.resolve(undefined) }).canHandshake(session, message, cb)),
    ).resolves.toBe(false);
    await expect(
      decide((cb) =>
        policyWith({ authenticate: () => Promise.reject(new Error('store down')) }).canHandshake(session, message, cb),
      ),
    ).resolves.toBe(false);
    expect(logger.warn).toHaveBeenCalledWith(
      expect.objectContaining({ error: 'store down' }),
      'handshake refused: authenticator failed',
    );
    context.request = undefined;
    const authenticate = jest.fn();
    await expect(decide((cb) => policyWith({ authenticate }).canHandshake(session, message, cb))).resolves.toBe(false);
    expect(authenticate).not.toHaveBeenCalled();
    expect(onAuthenticated).not.toHaveBeenCalled();
  });

  it('lets sessions subscribe to the /v2/me topics only and never publish', async () => {
    const policy = policyWith({ authenticate: jest.fn() });
    for (const name of ['/v2/me', '/v2/me/devices', '/v2/me/calls', '/v2/me/channels', '/v2/me/*', '/v2/me/**']) {
      await expect(decide((cb) => policy.canSubscribe(session, message, channel(name), cb))).resolves.toBe(true);
      await expect(decide((cb) => policy.canCreate(session, message, name, cb))).resolves.toBe(true);
      await expect(decide((cb) => policy.canPublish(session, message, channel(name), cb))).resolves.toBe(false);
    }
    for (const name of ['/v2/users', '/v2/me/devices/x', '/v2', '/*', '/**', '/service/x', '/meta/x']) {
      await expect(decide((cb) => policy.canSubscribe(session, message, channel(name), cb))).resolves.toBe(false);
      await expect(decide((cb) => policy.canCreate(session, message, name, cb))).resolves.toBe(false);
    }
  });
});
