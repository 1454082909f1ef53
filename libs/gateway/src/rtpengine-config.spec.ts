import { renderRtpengineConfig } from './rtpengine-config';

describe('renderRtpengineConfig (deploy/gateway/rtpengine.conf.template)', () => {
  it('is userspace only, on the given interface, ng socket and media ports', () => {
    const config = renderRtpengineConfig({
      interface: 'eth0!203.0.113.10',
      ngListen: '127.0.0.1:22222',
      portMin: 30000,
      portMax: 30199,
    }).split('\n');
    for (const line of [
      'table = -1',
      'interface = eth0!203.0.113.10',
      'listen-ng = 127.0.0.1:22222',
      'port-min = 30000',
      'port-max = 30199',
    ]) {
      expect(config).toContain(line);
    }
  });

  it('refuses an empty port range', () => {
    expect(() =>
      renderRtpengineConfig({ interface: '127.0.0.1', ngListen: '127.0.0.1:1', portMin: 2, portMax: 1 }),
    ).toThrow(/2 > 1/);
  });
});
