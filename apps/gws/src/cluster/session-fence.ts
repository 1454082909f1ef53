import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import type { DnMap, DnMapping } from '@gws/stores';
import { GWS_CONFIG, type GwsConfig } from '../config/gws-config';
import { DN_MAP } from '../stores/store.tokens';
import { ContactCenterSessionService } from '../voice/contact-center-session.service';
import { VoiceSessions } from '../voice/voice-session';

/**
 * Lets go of a session another node has taken over while this node still held it: this node was presumed dead (a
 * pause longer than the heartbeat TTL, a partition from Redis) and is not. The DN map tells at once when one of its
 * DNs moves to another node; the session record decides, and if it names another node this node stops serving the
 * session, so the agent does not get every event twice.
 */
@Injectable()
export class SessionFence implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('SessionFence');
  private unwatch: (() => Promise<void>) | undefined;

  constructor(
    @Inject(DN_MAP) private readonly dnMap: DnMap,
    @Inject(GWS_CONFIG) private readonly config: GwsConfig,
    private readonly sessions: VoiceSessions,
    private readonly contactCenter: ContactCenterSessionService,
  ) {}

  async onModuleInit(): Promise<void> {
    this.unwatch = await this.dnMap.watch((mapping) => this.onChange(mapping));
  }

  async onApplicationShutdown(): Promise<void> {
    await this.unwatch?.().catch(() => undefined);
  }

  private onChange(mapping: DnMapping): void {
    if (mapping.nodeId === undefined || mapping.nodeId === this.config.nodeId) return;
    const session = this.sessions.ofDn(mapping.dn);
    if (session === undefined || session.userId !== mapping.userId) return;
    this.contactCenter.relinquish(session.userId).then(
      (gone) => {
        if (gone) this.logger.warn(`node ${mapping.nodeId} took the session of ${session.userName} over; let go here`);
      },
      (error: Error) => this.logger.warn(`could not check who holds ${session.userName}'s session: ${error.message}`),
    );
  }
}
