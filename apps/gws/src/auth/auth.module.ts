import { Module, type DynamicModule, type Provider } from '@nestjs/common';
import { APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { PassportModule } from '@nestjs/passport';
import { SessionsModule } from '../sessions/sessions.module';
import { BasicStrategy } from './basic.strategy';
import { CredentialsLogin } from './credentials-login';
import { CsrfHeadersInterceptor } from './csrf-headers.interceptor';
import { CsrfGuard } from './csrf.guard';
import { GwsAuthGuard } from './gws-auth.guard';
import { SessionCookieStrategy } from './session-cookie.strategy';
import { SessionHandshakeAuthenticator } from './session-handshake-authenticator';

/**
 * Authentication (session cookie, then Basic), login throttling (the store's LOGIN_THROTTLE) and CSRF, on every route.
 * Exports the password check (CredentialsLogin) for the other ways in, such as the Workspace API v3 token endpoint.
 */
@Module({})
export class AuthModule {
  static register(authenticator: Provider): DynamicModule {
    return {
      module: AuthModule,
      imports: [PassportModule, SessionsModule],
      providers: [
        authenticator,
        CredentialsLogin,
        SessionCookieStrategy,
        BasicStrategy,
        SessionHandshakeAuthenticator,
        { provide: APP_GUARD, useClass: GwsAuthGuard },
        { provide: APP_GUARD, useClass: CsrfGuard },
        { provide: APP_INTERCEPTOR, useClass: CsrfHeadersInterceptor },
      ],
      exports: [SessionHandshakeAuthenticator, CredentialsLogin, SessionsModule],
    };
  }
}
