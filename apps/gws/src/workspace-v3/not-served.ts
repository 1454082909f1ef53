import { HttpStatus } from '@nestjs/common';
import { GwsException } from '../common/gws.exception';
import { GwsStatus } from '../common/gws-status';

/** The answer to a Workspace API v3 request open-gws does not serve (docs/workspace-api-v3.md lists them). */
export function notServed(what: string): GwsException {
  return new GwsException(
    GwsStatus.NotFound,
    `${what} is not served by open-gws (docs/workspace-api-v3.md)`,
    HttpStatus.NOT_IMPLEMENTED,
  );
}
