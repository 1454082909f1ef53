import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import type { GwsPrincipal } from '../sessions/gws-principal';

/** The authenticated caller of a protected route. */
export const Principal = createParamDecorator(
  (_data: unknown, context: ExecutionContext): GwsPrincipal =>
    context.switchToHttp().getRequest<Request & { user: GwsPrincipal }>().user,
);
