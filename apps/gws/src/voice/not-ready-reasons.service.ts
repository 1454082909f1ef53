import { Injectable, Logger } from '@nestjs/common';
import { AgentDirectoryService } from '../platform/agent-directory.service';
import { NotReadyReasons } from './model/not-ready-reasons';

const REFRESH_MS = 60_000;

/**
 * The not-ready reasons (NotReady action codes) from Configuration Server, re-read at most once a minute. Views
 * need them synchronously, so `current` always answers with the last list read.
 */
@Injectable()
export class NotReadyReasonsService {
  private readonly logger = new Logger('NotReadyReasonsService');
  private reasons = new NotReadyReasons([]);
  private loadedAt = 0;
  private loading: Promise<NotReadyReasons> | undefined;

  constructor(private readonly directory: AgentDirectoryService) {}

  get current(): NotReadyReasons {
    return this.reasons;
  }

  async load(): Promise<NotReadyReasons> {
    if (Date.now() - this.loadedAt < REFRESH_MS) return this.reasons;
    this.loading ??= this.directory
      .notReadyReasons()
      .then((reasons) => {
        this.reasons = reasons;
        this.loadedAt = Date.now();
        return reasons;
      })
      .catch((error: Error) => {
        this.logger.warn(`not-ready reasons not refreshed: ${error.message}`);
        return this.reasons;
      })
      .finally(() => {
        this.loading = undefined;
      });
    return this.loading;
  }
}
