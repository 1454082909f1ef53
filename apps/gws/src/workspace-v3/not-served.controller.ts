import { All, Controller, Req, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request } from 'express';
import { Public } from '../auth/public.decorator';
import { V3ExceptionFilter } from './common/v3-exception.filter';
import { notServed } from './not-served';

/**
 * Every other `/workspace/v3` path (media, chat, reporting, UCS, recents, favorites, ...): answered 501 in v3's
 * envelope, saying it is not served, rather than v2's "resource not found". Registered after the served routes.
 */
@ApiExcludeController()
@Public()
@UseFilters(V3ExceptionFilter)
@Controller('workspace/v3')
export class NotServedController {
  @All('*path')
  notServed(@Req() request: Request): never {
    throw notServed(`${request.method} ${request.path}`);
  }
}
