import { Module } from '@nestjs/common';
import { SessionService } from './session.service';

/** SessionService; the SESSION_STORE and GWS_CONFIG it needs are global providers of the app module. */
@Module({ providers: [SessionService], exports: [SessionService] })
export class SessionsModule {}
