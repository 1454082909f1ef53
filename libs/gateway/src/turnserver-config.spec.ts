import { renderTurnserverConfig } from './turnserver-config';

describe('renderTurnserverConfig (deploy/gateway/turnserver.conf.template)', () => {
  const options = {
    listenIp: '127.0.0.1',
    port: 3478,
    relayIp: '127.0.0.1',
    relayPortMin: 31000,
    relayPortMax: 31099,
    secret: 'turn-secret',
    realm: 'open-gws.test',
    runDir: '/run/coturn',
  };

  it('uses the TURN REST API secret; loopback peers only when asked (tests)', () => {
    const production = renderTurnserverConfig(options).split('\n');
    expect(production).toEqual(
      expect.arrayContaining(['use-auth-secret', 'static-auth-secret=turn-secret', 'realm=open-gws.test']),
    );
    expect(production).toEqual(expect.arrayContaining(['listening-port=3478', 'min-port=31000', 'max-port=31099']));
    expect(production).toContain('#loopback-peers allow-loopback-peers');
    expect(production).not.toContain('allow-loopback-peers');
    expect(renderTurnserverConfig({ ...options, allowLoopbackPeers: true }).split('\n')).toContain(
      'allow-loopback-peers',
    );
  });

  it('refuses a secret that would end the line early', () => {
    expect(() => renderTurnserverConfig({ ...options, secret: 'a b' })).toThrow(/secret/);
  });
});
