import { HttpStatus } from '@nestjs/common';
import type { TServerClient } from '@gws/tserver-client';
import { GwsException } from '../common/gws.exception';
import { GwsStatus } from '../common/gws-status';

/** Refuses an operation at once while T-Server is unreachable, rather than accepting what cannot be sent. */
export function requireTServer(tserver: TServerClient): void {
  if (tserver.status !== 'connected') {
    throw new GwsException(
      GwsStatus.InternalError,
      `T-Server is unavailable (link ${tserver.status}); try again shortly`,
      HttpStatus.SERVICE_UNAVAILABLE,
    );
  }
}
