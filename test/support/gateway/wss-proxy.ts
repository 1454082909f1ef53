import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { renderPrivateWssNginxConfig } from '@gws/gateway';
import { freeLoopbackPort } from '@gws/testing';
import { NGINX_BIN } from '../nginx-server';
import { startDaemon } from './daemon';
import { tcpAccepts } from './probes';

const run = promisify(execFile);

/** nginx terminating TLS for the softphone's WebSocket (deploy/gateway/nginx-wss.conf.template). */
export interface TestWssProxy {
  /** `wss://127.0.0.1:<port>/ws` */
  readonly url: string;
  readonly port: number;
  /** The self-signed certificate (PEM): clients trust it or skip verification. */
  readonly certPem: string;
  logs(lines?: number): string;
  /** Stops nginx and removes its directory (certificate included). Idempotent. */
  stop(): Promise<void>;
}

export interface WssProxyOptions {
  /** Kamailio's plain WebSocket, host:port. */
  readonly upstream: string;
  readonly port?: number;
  readonly timeoutMs?: number;
}

/** A self-signed certificate for 127.0.0.1 and localhost, made with openssl into `dir`. */
export async function makeSelfSignedCert(dir: string): Promise<{ certFile: string; keyFile: string }> {
  const certFile = join(dir, 'cert.pem');
  const keyFile = join(dir, 'key.pem');
  await run('openssl', [
    'req',
    '-x509',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:prime256v1',
    '-nodes',
    '-keyout',
    keyFile,
    '-out',
    certFile,
    '-days',
    '2',
    '-subj',
    '/CN=127.0.0.1',
    '-addext',
    'subjectAltName=IP:127.0.0.1,DNS:localhost',
  ]);
  return { certFile, keyFile };
}

export async function startWssProxy(options: WssProxyOptions): Promise<TestWssProxy> {
  const port = options.port ?? (await freeLoopbackPort());
  const prefix = mkdtempSync(join(tmpdir(), 'gws-wss-'));
  try {
    const { certFile, keyFile } = await makeSelfSignedCert(prefix);
    const conf = join(prefix, 'nginx.conf');
    writeFileSync(
      conf,
      renderPrivateWssNginxConfig({
        prefix,
        listen: `127.0.0.1:${port}`,
        upstream: options.upstream,
        certFile,
        keyFile,
        root: process.getuid?.() === 0,
      }),
    );
    const errorLog = join(prefix, 'error.log');
    const nginx = await startDaemon({
      name: 'nginx (WSS)',
      command: NGINX_BIN,
      args: ['-p', prefix, '-e', errorLog, '-c', conf, '-g', 'daemon off;'],
      ready: () => tcpAccepts('127.0.0.1', port),
      ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
    });
    const certPem = readFileSync(certFile, 'utf8');
    let stopped = false;
    return {
      url: `wss://127.0.0.1:${port}/ws`,
      port,
      certPem,
      logs: (lines = 40) => {
        const log = existsSync(errorLog) ? readFileSync(errorLog, 'utf8').trim().split('\n').slice(-lines) : [];
        return [nginx.logs(lines), ...log].filter(Boolean).join('\n');
      },
      stop: async () => {
        if (stopped) return;
        stopped = true;
        await nginx.stop();
        rmSync(prefix, { recursive: true, force: true });
      },
    };
  } catch (error) {
    rmSync(prefix, { recursive: true, force: true });
    throw error;
  }
}
