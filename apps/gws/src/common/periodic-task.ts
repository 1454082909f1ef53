import type { OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';

/**
 * A Nest provider that runs {@link runOnce} every {@link periodMs} from application bootstrap to shutdown. The timer
 * never keeps the process alive; a pass is not awaited by the next, so `runOnce` handles its own errors.
 */
export abstract class PeriodicTask implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer: NodeJS.Timeout | undefined;

  protected abstract readonly periodMs: number;

  protected abstract runOnce(): Promise<unknown>;

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.runOnce(), this.periodMs);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }
}
