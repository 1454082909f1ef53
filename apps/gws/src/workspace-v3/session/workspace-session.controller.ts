import {
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  HttpStatus,
  Logger,
  Post,
  Query,
  Req,
  Res,
  UseFilters,
} from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Public } from '../../auth/public.decorator';
import { GwsException } from '../../common/gws.exception';
import { GwsStatus } from '../../common/gws-status';
import type { OperationContext } from '../../common/operations/operation-context';
import { LogoutService } from '../../me/logout.service';
import { SESSION_OPERATIONS } from '../../me/session-operations';
import type { GwsPrincipal } from '../../sessions/gws-principal';
import { SessionService } from '../../sessions/session.service';
import { ContactCenterSessionService } from '../../voice/contact-center-session.service';
import { BearerTokens } from '../auth/bearer-tokens';
import { expiredWorkspaceSessionCookie, workspaceSessionCookie } from '../auth/workspace-session-cookie';
import { WorkspaceSession } from '../auth/workspace-session.decorator';
import { WorkspacePrincipal } from '../auth/workspace-session.guard';
import { V3_ACCEPTED, V3_OK, v3Data, type V3Answer, type V3DataAnswer } from '../common/v3-answers';
import { v3Data as parseV3Data } from '../common/v3-body';
import { V3ExceptionFilter } from '../common/v3-exception.filter';
import { WORKSPACE_V3_TAG } from '../common/v3-openapi';
import { WorkspaceNotifications } from '../notifications/workspace-notifications';
import { ChannelActivation } from './channel-activation';
import { ActivateChannelsDataDto } from './dto/activate-channels.dto';
import { WorkspaceUserService, type WorkspaceConfiguration } from './workspace-user.service';

const BEARER = /^Bearer\s+(\S+)\s*$/i;

/**
 * The session of the Workspace API v3: opened with a bearer token (`initialize-workspace`, which sets
 * WORKSPACE_SESSIONID), read (`current-session`, `configuration`), seated at a place (`activate-channels`, v2's
 * StartContactCenterSession) and ended (`logout`).
 */
@ApiTags(WORKSPACE_V3_TAG)
@Public()
@UseFilters(V3ExceptionFilter)
@Controller('workspace/v3')
export class WorkspaceSessionController {
  private readonly logger = new Logger('WorkspaceSession');

  constructor(
    private readonly tokens: BearerTokens,
    private readonly sessions: SessionService,
    private readonly users: WorkspaceUserService,
    private readonly activation: ChannelActivation,
    private readonly contactCenter: ContactCenterSessionService,
    private readonly logout: LogoutService,
    private readonly notifications: WorkspaceNotifications,
  ) {}

  @Post('initialize-workspace')
  @HttpCode(HttpStatus.OK)
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'Open a Workspace session with a bearer token',
    description:
      'Sets the WORKSPACE_SESSIONID cookie that every other v3 request and the CometD handshake carry. The user ' +
      'and configuration follow on `/workspace/v3/initialization` (status code 1).',
  })
  @ApiQuery({ name: 'code', required: false, description: 'Authorization-code grant: not served' })
  @ApiOkResponse({ description: 'Session opened', schema: { example: V3_ACCEPTED } })
  async initialize(
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
    @Headers('authorization') authorization?: string,
    @Query('code') code?: string,
  ): Promise<V3Answer> {
    if (code !== undefined) {
      throw new GwsException(
        GwsStatus.ValidationError,
        'The authorization-code grant is not served: get a token from POST /auth/v3/oauth/token (password grant)',
      );
    }
    const token = BEARER.exec(authorization ?? '')?.[1];
    const check = token === undefined ? undefined : this.tokens.check(token);
    if (check?.valid !== true) {
      this.logger.log(`initialize-workspace refused: ${check === undefined ? 'no bearer token' : check.reason}`);
      throw new GwsException(
        GwsStatus.NotAuthenticated,
        'Access denied: send a valid bearer token (Authorization: Bearer ...)',
        HttpStatus.UNAUTHORIZED,
      );
    }
    const principal = await this.sessions.openWorkspaceSession(check.claims);
    response.setHeader('Set-Cookie', workspaceSessionCookie(principal.sessionId, request));
    return V3_ACCEPTED;
  }

  @Post('activate-channels')
  @HttpCode(HttpStatus.OK)
  @WorkspaceSession()
  @ApiOperation({ summary: 'Log the agent in on the voice channel (StartContactCenterSession)' })
  async activateChannels(
    @WorkspacePrincipal() principal: GwsPrincipal,
    @Body() body: unknown,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<V3Answer> {
    const data = await parseV3Data(ActivateChannelsDataDto, body, 'activate-channels');
    const params = await this.activation.startParams(principal, data);
    const context: OperationContext = { principal, request, response };
    const services = { contactCenter: this.contactCenter, logout: this.logout };
    await SESSION_OPERATIONS.StartContactCenterSession.run(params, context, services);
    return V3_OK;
  }

  @Get('current-session')
  @WorkspaceSession()
  @ApiOperation({ summary: 'The user (with the active voice session, if any) and the configuration' })
  async currentSession(@WorkspacePrincipal() principal: GwsPrincipal): Promise<V3DataAnswer<object>> {
    const [user, configuration] = await Promise.all([this.users.user(principal), this.users.configuration()]);
    const activeSession = this.users.activeSession(principal);
    return v3Data({ user: { ...user, ...(activeSession === undefined ? {} : { activeSession }) }, configuration });
  }

  @Get('configuration')
  @WorkspaceSession()
  @ApiOperation({ summary: 'Action codes (the not-ready reasons) and settings' })
  async configuration(): Promise<V3DataAnswer<WorkspaceConfiguration>> {
    return v3Data(await this.users.configuration());
  }

  @Post('logout')
  @HttpCode(HttpStatus.OK)
  @WorkspaceSession()
  @ApiOperation({
    summary: 'Log the agent out and end the session',
    description: 'As v2 EndContactCenterSession: the agent is logged out for every browser of the user.',
  })
  async end(
    @WorkspacePrincipal() principal: GwsPrincipal,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<V3Answer> {
    await this.contactCenter.end(principal);
    await this.sessions.invalidate(principal.sessionId);
    this.notifications.publisher.disconnectSession(principal.sessionId);
    response.setHeader('Set-Cookie', expiredWorkspaceSessionCookie(request));
    return V3_OK;
  }
}
