import { Inject, Injectable, Logger } from '@nestjs/common';
import { GWS_CONFIG, type GwsConfig } from '../../config/gws-config';

/** How long GWS waits for the gateway to drop a registration: a logout must not hang on it. */
const CONTROL_TIMEOUT_MS = 2000;

/**
 * The gateway's management HTTP (Kamailio's, on an internal port; docs/sip-gateway.md). GWS uses one call of it:
 * drop a DN's registration when its session ends, so that a logged-out browser stops ringing at once instead of at
 * its next re-REGISTER. Failures are logged, never thrown: the credential is revoked anyway, so the registration
 * cannot be renewed.
 */
@Injectable()
export class GatewayControl {
  private readonly logger = new Logger('GatewayControl');
  private readonly baseUrl: string | undefined;

  constructor(@Inject(GWS_CONFIG) config: GwsConfig) {
    this.baseUrl = config.gateway?.controlUrl;
  }

  async unregister(dn: string): Promise<void> {
    if (this.baseUrl === undefined) return;
    try {
      const response = await fetch(`${this.baseUrl}/dn/${encodeURIComponent(dn)}/unregister`, {
        method: 'POST',
        signal: AbortSignal.timeout(CONTROL_TIMEOUT_MS),
      });
      if (!response.ok) this.logger.warn(`the gateway answered ${response.status} to unregistering DN ${dn}`);
    } catch (error) {
      this.logger.warn(
        `cannot unregister DN ${dn} at the gateway: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }
}
