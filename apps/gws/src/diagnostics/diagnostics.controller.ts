import { Controller, Get } from '@nestjs/common';
import { Public } from '../auth/public.decorator';
import { GWS_VERSION } from './version';

/** `GET /api/v2/diagnostics/version`: public, no session; doubles as a liveness probe as in GWS. */
@Public()
@Controller('api/v2/diagnostics')
export class DiagnosticsController {
  @Get('version')
  version(): { statusCode: 0; version: string } {
    return { statusCode: 0, version: GWS_VERSION };
  }
}
