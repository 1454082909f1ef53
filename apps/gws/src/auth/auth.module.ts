import { Module, type DynamicModule, type Provider } from '@nestjs/common';
import { APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { PassportModule } from '@nestjs/passport';
import type { GwsConfig } from '../config/gws-config';
import { SessionsModule } from '../sessions/sessions.module';
import { LOGIN_THROTTLE } from './auth.tokens';
import { BasicStrategy } from './basic.strategy';
import { CsrfHeadersInterceptor } from './csrf-headers.interceptor';
import { CsrfGuard } from './csrf.guard';
import { GwsAuthGuard } from './gws-auth.guard';
import { LoginThrottle } from './login-throttle';
import { SessionCookieStrategy } from './session-cookie.strategy';
import { SessionHandshakeAuthenticator } from './session-handshake-authenticator';

/** Authentication (session cookie, then Basic), login throttling and CSRF, applied to every route. */
@Module({})
export class AuthModule {
  static register(config: GwsConfig, authenticator: Provider): DynamicModule {
    return {
      module: AuthModule,
      imports: [PassportModule, SessionsModule],
      providers: [
        authenticator,
        { provide: LOGIN_THROTTLE, useValue: new LoginThrottle(config.loginThrottle) },
        SessionCookieStrategy,
        BasicStrategy,
        SessionHandshakeAuthenticator,
        { provide: APP_GUARD, useClass: GwsAuthGuard },
        { provide: APP_GUARD, useClass: CsrfGuard },
        { provide: APP_INTERCEPTOR, useClass: CsrfHeadersInterceptor },
      ],
      exports: [SessionHandshakeAuthenticator, SessionsModule],
    };
  }
}
