import { Body, Controller, Get, Post, Query, Req, Res } from '@nestjs/common';
import { ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Principal } from '../auth/principal.decorator';
import { requestBaseUrl } from '../common/base-url';
import { ApiOperations } from '../common/operations/api-operations.decorator';
import { dtosOf, v2Operations } from '../common/operations/command';
import type { OperationContext } from '../common/operations/operation-context';
import type { OperationTable } from '../common/operations/operation-table';
import type { GwsPrincipal } from '../sessions/gws-principal';
import { AgentStateService } from '../voice/agent-state.service';
import { AGENT_STATE_DTOS, agentStateTable } from '../voice/agent-state.operations';
import { ContactCenterSessionService } from '../voice/contact-center-session.service';
import { NotReadyReasonsService } from '../voice/not-ready-reasons.service';
import { LogoutService } from './logout.service';
import { SESSION_OPERATIONS, type SessionOperation, type SessionServices } from './session-operations';
import { UserViewService } from './user-view.service';

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
    const services: SessionServices = { contactCenter, logout };
    this.operations = agentStateTable(
      '/me',
      agentState,
      reasons,
      v2Operations(SESSION_OPERATIONS, (context: OperationContext, operation: SessionOperation, params) =>
        operation.run(params, context, services),
      ),
    );
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
    ...dtosOf(SESSION_OPERATIONS),
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
