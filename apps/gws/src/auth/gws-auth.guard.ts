import { HttpStatus, Injectable, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { GwsException } from '../common/gws.exception';
import { GwsStatus } from '../common/gws-status';
import { BASIC_STRATEGY } from './basic.strategy';
import { IS_PUBLIC } from './public.decorator';
import { SESSION_STRATEGY } from './session-cookie.strategy';

/** Global: every route needs a live session cookie or good Basic credentials, unless marked `@Public()`. */
@Injectable()
export class GwsAuthGuard extends AuthGuard([SESSION_STRATEGY, BASIC_STRATEGY]) {
  constructor(private readonly reflector: Reflector) {
    super({ session: false });
  }

  override canActivate(context: ExecutionContext): boolean | Promise<boolean> {
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()]);
    if (isPublic) return true;
    return super.canActivate(context) as Promise<boolean>;
  }

  override handleRequest<TUser>(error: unknown, user: TUser | false): TUser {
    if (error instanceof GwsException) throw error;
    if (error instanceof Error) throw error;
    if (!user) {
      throw new GwsException(
        GwsStatus.NotAuthenticated,
        'Access denied: send valid credentials (HTTP Basic) or a live session cookie',
        HttpStatus.UNAUTHORIZED,
      );
    }
    return user;
  }
}
