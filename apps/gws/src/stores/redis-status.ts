import { Logger } from '@nestjs/common';
import type { OwnedRedisLink } from '@gws/stores';

/** How this node's link to Redis is: `embedded` when the stores are in this process's memory. */
export type RedisLinkState = 'embedded' | 'connected' | 'connecting' | 'disconnected';

/** Whether the shared stores can be used now: readiness reports it, and whoever must pause while they cannot. */
export interface RedisStatus {
  readonly status: RedisLinkState;
  readonly up: boolean;
  /** Calls `listener` each time `up` changes; the returned function stops that. */
  onChange(listener: (up: boolean) => void): () => void;
}

/** The embedded default: memory stores are always there. */
export const EMBEDDED_REDIS: RedisStatus = {
  status: 'embedded',
  up: true,
  onChange: () => () => undefined,
};

/**
 * The status of the link the stores share, as its fail-fast connection sees it: up while ioredis says `ready`
 * (connected, and the server answers: not still loading its data after a restart). Logs an outage once when it
 * starts, with the first reason ioredis gave, and once when it ends.
 */
export class RedisLinkStatus implements RedisStatus {
  private readonly logger = new Logger('Redis');
  private readonly stopFollowing: () => void;
  private everUp = false;
  private downSince: number | undefined;
  private lastError: string | undefined;

  constructor(private readonly link: OwnedRedisLink) {
    this.stopFollowing = link.onStatus((up) => this.changed(up));
    link.client.on('error', this.noteError);
  }

  get up(): boolean {
    return this.link.up;
  }

  get status(): RedisLinkState {
    switch (this.link.client.status) {
      case 'ready':
        return 'connected';
      case 'close':
      case 'end':
      case 'disconnecting':
        return 'disconnected';
      default:
        return 'connecting';
    }
  }

  onChange(listener: (up: boolean) => void): () => void {
    return this.link.onStatus(listener);
  }

  /** Stops following the link, before it is closed (a close is no outage). */
  close(): void {
    this.stopFollowing();
    this.link.client.off('error', this.noteError);
  }

  private readonly noteError = (error: Error): void => {
    this.lastError ??= error.message;
  };

  private changed(up: boolean): void {
    if (up && !this.everUp) {
      this.everUp = true;
      this.logger.log('connected to Redis: the stores serve');
    } else if (up) {
      this.logger.log(`Redis is back after ${Date.now() - (this.downSince ?? Date.now())} ms: the stores serve again`);
      this.downSince = undefined;
    } else {
      this.downSince = Date.now();
      this.logger.warn(`Redis unreachable (${this.lastError ?? 'connection closed'}): store requests answer 503`);
    }
    this.lastError = undefined;
  }
}
