import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { renderPrivateWssNginxConfig } from './nginx-wss-config';

const run = promisify(execFile);

describe('renderPrivateWssNginxConfig (deploy/gateway/nginx-wss.conf.template)', () => {
  it('proxies /ws to Kamailio with the WebSocket upgrade, and passes nginx -t', async () => {
    const prefix = mkdtempSync(join(tmpdir(), 'gws-wss-t-'));
    try {
      const certFile = join(prefix, 'cert.pem');
      const keyFile = join(prefix, 'key.pem');
      await run('openssl', [
        ...['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'],
        ...['-keyout', keyFile, '-out', certFile, '-days', '1', '-subj', '/CN=localhost'],
      ]);
      const config = renderPrivateWssNginxConfig({
        prefix,
        listen: '127.0.0.1:8443',
        upstream: '127.0.0.1:18080',
        certFile,
        keyFile,
        root: process.getuid?.() === 0,
      });
      expect(config).toContain('listen 127.0.0.1:8443 ssl;');
      expect(config).toContain('proxy_pass http://127.0.0.1:18080;');
      expect(config).toContain('proxy_set_header Upgrade $http_upgrade;');
      const file = join(prefix, 'nginx.conf');
      writeFileSync(file, config);
      await run('/usr/sbin/nginx', ['-t', '-q', '-p', prefix, '-e', join(prefix, 'error.log'), '-c', file]);
    } finally {
      rmSync(prefix, { recursive: true, force: true });
    }
  }, 15_000);
});
