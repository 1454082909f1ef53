import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bindUdp, freeUdpPort } from '../udp-port';

export interface SippUasOptions {
  /** Scenario file in this folder. */
  readonly scenario: string;
  /** @default '127.0.0.1' */
  readonly host?: string;
  /** Calls SIPp takes before it exits. @default 1 */
  readonly calls?: number;
  /** SIPp's own limit on the whole run (it exits with an error after it). @default 20 */
  readonly timeoutSeconds?: number;
}

export interface SippExit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
}

const READY_TIMEOUT_MS = 5000;

/**
 * SIPp (Debian `sip-tester`) as a scripted UAS on loopback: the phone behind the gateway, answering one call as its
 * scenario says and echoing RTP (`-rtp_echo`). Exit code 0 means the scenario ran to its end with every check met.
 */
export class SippUas {
  private readonly exit: Promise<SippExit>;
  private stderr = '';
  private spawnError: Error | undefined;

  private constructor(
    private readonly child: ChildProcess,
    private readonly dir: string,
    readonly host: string,
    readonly port: number,
    readonly mediaPort: number,
  ) {
    this.exit = new Promise((resolve) => {
      child.once('exit', (code, signal) => resolve({ code, signal }));
      child.once('error', (error) => {
        this.spawnError = error;
        resolve({ code: null, signal: null });
      });
    });
    child.stderr?.setEncoding('utf8').on('data', (text: string) => (this.stderr += text));
  }

  static async start(options: SippUasOptions): Promise<SippUas> {
    const host = options.host ?? '127.0.0.1';
    const [port, mediaPort] = [await freeUdpPort(host), await freeUdpPort(host)];
    const dir = mkdtempSync(join(tmpdir(), 'sipp-'));
    // SIPp's options: `calls` calls (-m), bound to `host` only, RTP echoed, every message and error logged to `dir`.
    const args = [
      ...['-sf', join(__dirname, options.scenario), '-i', host, '-p', String(port), '-bind_local'],
      ...['-mi', host, '-mp', String(mediaPort), '-rtp_echo', '-m', String(options.calls ?? 1), '-nostdin'],
      ...['-timeout', `${options.timeoutSeconds ?? 20}s`, '-timeout_error'],
      ...[
        '-trace_msg',
        '-message_file',
        join(dir, 'messages.log'),
        '-trace_err',
        '-error_file',
        join(dir, 'errors.log'),
      ],
    ];
    const child = spawn('sipp', args, { stdio: ['ignore', 'ignore', 'pipe'] });
    const sipp = new SippUas(child, dir, host, port, mediaPort);
    try {
      await sipp.listening();
    } catch (error) {
      sipp.stop();
      throw error;
    }
    return sipp;
  }

  /** Resolves when SIPp exits; kills it and rejects (with its logs) after `timeoutMs`. */
  async exited(timeoutMs = 10_000): Promise<SippExit> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        this.stop();
        reject(new Error(`SIPp did not finish within ${timeoutMs} ms\n${this.log()}`));
      }, timeoutMs);
    });
    try {
      return await Promise.race([this.exit, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** What SIPp logged: the messages it exchanged and its errors. */
  log(): string {
    const read = (file: string): string => {
      try {
        return readFileSync(join(this.dir, file), 'utf8');
      } catch {
        return '';
      }
    };
    return `--- SIPp stderr\n${this.stderr}\n--- SIPp errors\n${read('errors.log')}\n--- SIPp messages\n${read('messages.log')}`;
  }

  /** Kills SIPp (by its pid) if it still runs, and removes its logs. */
  stop(): void {
    if (this.child.exitCode === null && this.child.signalCode === null && this.child.pid !== undefined) {
      process.kill(this.child.pid, 'SIGKILL');
    }
    rmSync(this.dir, { recursive: true, force: true });
  }

  /** SIPp is ready once its SIP port is taken: binding it here fails. */
  private async listening(): Promise<void> {
    const deadline = Date.now() + READY_TIMEOUT_MS;
    for (;;) {
      if (this.spawnError !== undefined) {
        throw new Error(`cannot run sipp (Debian package sip-tester): ${this.spawnError.message}`);
      }
      if (this.child.exitCode !== null) throw new Error(`SIPp exited at start (${this.child.exitCode})\n${this.log()}`);
      try {
        const probe = await bindUdp(this.host, this.port);
        await new Promise<void>((resolve) => probe.close(() => resolve()));
      } catch {
        return;
      }
      if (Date.now() > deadline) throw new Error(`SIPp did not bind ${this.host}:${this.port}\n${this.log()}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
}
