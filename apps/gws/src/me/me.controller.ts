import { Body, Controller, Get, Post, Query, Req, Res } from '@nestjs/common';
import { ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Principal } from '../auth/principal.decorator';
import { requestBaseUrl } from '../common/base-url';
import { ApiOperations } from '../common/operations/api-operations.decorator';
import { operation, type OperationTable } from '../common/operations/operation-table';
import type { OperationContext } from '../common/operations/operation-context';
import type { GwsPrincipal } from '../sessions/gws-principal';
import { AgentStateService } from '../voice/agent-state.service';
import { AGENT_STATE_DTOS, agentStateTable } from '../voice/agent-state.operations';
import { EndContactCenterSessionDto, StartContactCenterSessionDto } from '../voice/dto/session-operations.dto';
import { NotReadyReasonsService } from '../voice/not-ready-reasons.service';
import { LogoutService } from './logout.service';
import { UserViewService } from './user-view.service';
import { ContactCenterSessionService } from '../voice/contact-center-session.service';

@ApiTags('Me')
@Controller('api/v2/me')
export class MeController {
  private readonly operations: OperationTable<OperationContext>;

  constructor(
    private readonly users: UserViewService,
    contactCenter: ContactCenterSessionService,
    logout: LogoutService,
    agentState: AgentStateService,
    reasons: NotReadyReasonsService,
  ) {
    this.operations = agentStateTable('/me', agentState, reasons, {
      StartContactCenterSession: operation(
        StartContactCenterSessionDto,
        ({ principal, request }, dto: StartContactCenterSessionDto) =>
          contactCenter.start(principal, dto, requestBaseUrl(request)),
      ),
      EndContactCenterSession: operation(EndContactCenterSessionDto, (context) =>
        logout.endContactCenterSession(context),
      ),
    });
  }

  @Get()
  @ApiQuery({
    name: 'subresources',
    required: false,
    description: '`*` or a comma list: devices, channels, settings, features, calls, skills',
  })
  @ApiQuery({ name: 'fields', required: false, description: 'Comma list of user fields to return' })
  async me(
    @Principal() principal: GwsPrincipal,
    @Req() request: Request,
    @Query('subresources') subresources?: string,
    @Query('fields') fields?: string,
  ): Promise<Record<string, unknown>> {
    const user = await this.users.view(principal, requestBaseUrl(request), subresources, fields);
    return { statusCode: 0, user };
  }

  @Post()
  @ApiOperations('Start or end the contact-center session, or set the agent state on every channel', [
    StartContactCenterSessionDto,
    EndContactCenterSessionDto,
    ...AGENT_STATE_DTOS,
  ])
  async operate(
    @Principal() principal: GwsPrincipal,
    @Body() body: unknown,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<{ statusCode: 0 }> {
    await this.operations.execute({ principal, request, response }, body);
    return { statusCode: 0 };
  }
}
