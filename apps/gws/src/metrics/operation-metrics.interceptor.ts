import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { Request } from 'express';
import { catchError, tap, throwError, type Observable } from 'rxjs';
import { GwsException } from '../common/gws.exception';
import { GwsStatus } from '../common/gws-status';
import { GwsMetrics } from './gws-metrics';

/** A name becomes a label only if it looks like an operation; anything else is `other`, so labels stay few. */
const OPERATION_NAME = /^[A-Z][A-Za-z]{1,39}$/;

/** Counts every operation POST by resource, operationName and the statusCode it was answered with. */
@Injectable()
export class OperationMetricsInterceptor implements NestInterceptor {
  constructor(private readonly metrics: GwsMetrics) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<Request>();
    // Express types `route` as any; the matched pattern is a string (a bounded label, unlike the raw URL).
    const route = (request.route as { path?: unknown } | undefined)?.path;
    if (request.method !== 'POST') return next.handle();
    const name = (request.body as { operationName?: unknown } | undefined)?.operationName;
    const labels = {
      resource: typeof route === 'string' ? route : 'unknown',
      operation: typeof name === 'string' && OPERATION_NAME.test(name) ? name : 'other',
    };
    return next.handle().pipe(
      tap(() => this.metrics.operations.inc({ ...labels, statusCode: String(GwsStatus.Ok) })),
      catchError((error: unknown) => {
        const statusCode = error instanceof GwsException ? error.statusCode : GwsStatus.InternalError;
        this.metrics.operations.inc({ ...labels, statusCode: String(statusCode) });
        return throwError(() => error);
      }),
    );
  }
}
