import { Module } from '@nestjs/common';
import { SessionService } from './session.service';
import { SessionSweeper } from './session-sweeper';

/** SessionService and its sweeper; the SESSION_STORE and GWS_CONFIG they need are global providers of the app module. */
@Module({ providers: [SessionService, SessionSweeper], exports: [SessionService, SessionSweeper] })
export class SessionsModule {}
