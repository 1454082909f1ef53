import { Inject, Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { Observable } from 'rxjs';
import { GWS_CONFIG, type GwsConfig } from '../config/gws-config';
import type { GwsPrincipal } from '../sessions/gws-principal';
import { CSRF_HEADER } from './csrf.guard';

/** Any authenticated GET hands out the CSRF header name and the session's token, as GWS does. */
@Injectable()
export class CsrfHeadersInterceptor implements NestInterceptor {
  constructor(@Inject(GWS_CONFIG) private readonly config: GwsConfig) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const http = context.switchToHttp();
    const request = http.getRequest<Request & { user?: GwsPrincipal }>();
    if (this.config.csrfEnabled && request.method === 'GET' && request.user !== undefined) {
      const response = http.getResponse<Response>();
      response.setHeader('X-CSRF-HEADER', CSRF_HEADER);
      response.setHeader(CSRF_HEADER, request.user.csrfToken);
    }
    return next.handle();
  }
}
