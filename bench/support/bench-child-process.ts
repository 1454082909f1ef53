import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

/** What every benchmark child can answer: its own messages, and `failed` (bench-child.ts). */
interface ChildMessage {
  readonly type: string;
}

interface FailedMessage {
  readonly type: 'failed';
  readonly message: string;
}

/**
 * The parent's side of a benchmark child (bench/support/<script>, forked with IPC): waits for the child's next message
 * of a type, with a bound, failing early when the child reports `failed` or exits; stops it (SIGKILL after a bound).
 */
export class BenchChildProcess<Message extends ChildMessage, Command> {
  private readonly listeners = new Set<(message: Message) => void>();
  private readonly exited: Promise<number | null>;

  constructor(
    readonly name: string,
    readonly child: ChildProcess,
    isMessage: (value: unknown) => value is Message,
    private readonly stopTimeoutMs: number,
  ) {
    child.on('message', (message: unknown) => {
      if (isMessage(message)) for (const listener of this.listeners) listener(message);
    });
    this.exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
  }

  /** Forks bench/support/`script`; its stdout goes to our stderr, as our stdout carries the JSON result only. */
  static forkScript(script: string, args: readonly string[], execArgv: readonly string[]): ChildProcess {
    return fork(join(__dirname, script), args, { execArgv: [...execArgv], stdio: ['ignore', 2, 2, 'ipc'] });
  }

  next<T extends Message['type']>(type: T, timeoutMs: number): Promise<Extract<Message, { type: T }>> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.listeners.delete(listener);
        reject(new Error(`${this.name}: no "${type}" within ${timeoutMs} ms`));
      }, timeoutMs);
      const listener = (message: Message): void => {
        if (message.type !== 'failed' && message.type !== type) return;
        clearTimeout(timer);
        this.listeners.delete(listener);
        if (message.type === 'failed') {
          reject(new Error(`${this.name} failed: ${(message as unknown as FailedMessage).message}`));
        } else resolve(message as Extract<Message, { type: T }>);
      };
      this.listeners.add(listener);
      void this.exited.then((code) => {
        if (!this.listeners.has(listener)) return;
        clearTimeout(timer);
        this.listeners.delete(listener);
        reject(new Error(`${this.name} exited (code ${String(code)}) before "${type}"`));
      });
    });
  }

  send(command: Command): void {
    if (this.child.connected) this.child.send(command as object);
  }

  /** Asks the child to stop (`{type: 'stop'}`); SIGKILL if it has not exited within the bound. */
  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    if (this.child.connected) this.child.send({ type: 'stop' });
    const timer = setTimeout(() => this.child.kill('SIGKILL'), this.stopTimeoutMs);
    await this.exited;
    clearTimeout(timer);
  }
}
