import { Body, Controller, Get, Post, Query, Req, Res } from '@nestjs/common';
import { ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Principal } from '../../auth/principal.decorator';
import { collectionAnswer } from '../../common/collection';
import { ApiOperations } from '../../common/operations/api-operations.decorator';
import type { GwsPrincipal } from '../../sessions/gws-principal';
import { AgentStateService } from '../agent-state.service';
import { AGENT_STATE_DTOS, agentStateTable } from '../agent-state.operations';
import { voiceChannelView } from '../model/device-view';
import { NotReadyReasonsService } from '../not-ready-reasons.service';
import { VoiceSessions } from '../voice-session';

@ApiTags('Channels')
@Controller('api/v2/me/channels')
export class ChannelsController {
  private readonly operations;

  constructor(
    private readonly sessions: VoiceSessions,
    private readonly reasons: NotReadyReasonsService,
    agentState: AgentStateService,
  ) {
    this.operations = agentStateTable('/me/channels/voice', agentState, reasons);
  }

  @Get()
  @ApiQuery({ name: 'fields', required: false, description: '`*` for whole channel objects; URIs otherwise' })
  list(@Principal() principal: GwsPrincipal, @Query('fields') fields?: string): Record<string, unknown> {
    const session = this.sessions.ofUser(principal.userId);
    if (session === undefined) return collectionAnswer('channels', [], fields);
    const voice = voiceChannelView([...session.devices.values()], this.reasons.current);
    return collectionAnswer('channels', [{ ...voice, uri: session.urls.channel('voice') }], fields);
  }

  @Post('voice')
  @ApiOperations('Change the agent state on the voice channel', AGENT_STATE_DTOS)
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
