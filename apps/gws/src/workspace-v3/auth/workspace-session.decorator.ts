import { applyDecorators, UseGuards } from '@nestjs/common';
import { ApiCookieAuth } from '@nestjs/swagger';
import { WORKSPACE_SESSION_COOKIE } from './workspace-session-cookie';
import { WorkspaceSessionGuard } from './workspace-session.guard';

/** A route for the caller of a live v3 session (WORKSPACE_SESSIONID), documented as such. */
export function WorkspaceSession(): MethodDecorator & ClassDecorator {
  return applyDecorators(UseGuards(WorkspaceSessionGuard), ApiCookieAuth(WORKSPACE_SESSION_COOKIE));
}
