import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ndbRedisServer, renderKamailioConfig, type KamailioConfigOptions } from './kamailio-config';

const run = promisify(execFile);

const options: KamailioConfigOptions = {
  listenHost: '127.0.0.1',
  sipPort: 15060,
  wsPort: 18080,
  mgmtHost: '127.0.0.1',
  mgmtPort: 18081,
  runDir: '/run/kamailio',
  redisUrl: 'redis://127.0.0.1:16379',
  sipServer: '127.0.0.2:15070',
  rtpengineNg: '127.0.0.1:22222',
};

describe('renderKamailioConfig (deploy/gateway/kamailio.cfg.template)', () => {
  it('fills every placeholder: listeners, the SIP domain as the only alias, Redis, the SIP Server, rtpengine', () => {
    const config = renderKamailioConfig(options);
    expect(config).not.toMatch(/\$\{[A-Z_]+\}/);
    for (const line of [
      'listen=udp:127.0.0.1:15060',
      'listen=tcp:127.0.0.1:15060',
      'listen=tcp:127.0.0.1:18080',
      'listen=tcp:127.0.0.1:18081',
      'alias="gw.open-gws.test"',
      'modparam("ndb_redis", "server", "name=dnmap;addr=127.0.0.1;port=16379;db=0")',
      'modparam("rtpengine", "rtpengine_sock", "udp:127.0.0.1:22222")',
      'modparam("usrloc", "timer_interval", 1)',
      'modparam("websocket", "rm_delay_interval", 1)',
      'modparam("ctl", "binrpc", "unix:/run/kamailio/kamailio_ctl")',
    ]) {
      expect(config.split('\n')).toContain(line);
    }
    expect(config).toContain('$du = "sip:127.0.0.2:15070";');
    expect(config).toContain('if ($Rp == 18081) { route(MANAGEMENT); exit; }');
  });

  it('writes the DN map under the prefix: the credential, the row, the set of DNs and the changes channel', () => {
    const config = renderKamailioConfig({ ...options, dnMapPrefix: 'site1:', dnPattern: /^6[0-9]{2}$/ });
    expect(config).toContain('HGET site1:{dnmap}:sipcred:$tU password');
    expect(config).toContain('HSET site1:{dnmap}:dn:$var(dn) dn $var(dn) registration $var(state)');
    expect(config).toContain('SADD site1:{dnmap}:all $var(dn)');
    expect(config).toContain('PUBLISH site1:dnmap:changes %s');
    expect(config).toContain('if (!($tU =~ "^6[0-9]{2}$")) { sl_send_reply("403", "Not an agent DN"); exit; }');
    expect(config).not.toContain('gws:{dnmap}');
  });

  it('refuses options that would break the config or the Redis commands', () => {
    expect(() => renderKamailioConfig({ ...options, dnPattern: '5[0-9]{3}' })).toThrow(/anchor/);
    expect(() => renderKamailioConfig({ ...options, dnPattern: '^5\\d{3}$' })).toThrow(/backslash/);
    expect(() => renderKamailioConfig({ ...options, sipPort: 70000 })).toThrow(/sipPort/);
    expect(() => renderKamailioConfig({ ...options, sipServer: 'sip:127.0.0.2' })).toThrow(/sipServer/);
    expect(() => renderKamailioConfig({ ...options, sipDomain: 'gw"x' })).toThrow(/sipDomain/);
    expect(() => renderKamailioConfig({ ...options, usrlocTimerSeconds: 0.5 })).toThrow(/usrlocTimerSeconds/);
    expect(() => renderKamailioConfig({ ...options, dnMapPrefix: 'a b' })).toThrow(/dnMapPrefix/);
  });

  it('turns a Redis URL into ndb_redis attributes, with database and password', () => {
    expect(ndbRedisServer('redis://redis:6379')).toBe('addr=redis;port=6379;db=0');
    expect(ndbRedisServer('redis://:s3cret@10.0.0.5/2')).toBe('addr=10.0.0.5;port=6379;db=2;pass=s3cret');
    expect(() => ndbRedisServer('rediss://redis:6379')).toThrow(/redis:\/\//);
  });

  it('passes `kamailio -c` (modules load, routes parse)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gws-kamailio-c-'));
    try {
      const file = join(dir, 'kamailio.cfg');
      writeFileSync(file, renderKamailioConfig({ ...options, runDir: dir }));
      const { stdout, stderr } = await run('/usr/sbin/kamailio', ['-c', '-f', file]);
      expect(`${stdout}${stderr}`).toContain('config file ok');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 15_000);
});
