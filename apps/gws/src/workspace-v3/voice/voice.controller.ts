import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, UseFilters } from '@nestjs/common';
import {
  ApiBody,
  ApiExtraModels,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import { Public } from '../../auth/public.decorator';
import { GwsException } from '../../common/gws.exception';
import { GwsStatus } from '../../common/gws-status';
import type { GwsPrincipal } from '../../sessions/gws-principal';
import { AgentStateService } from '../../voice/agent-state.service';
import { CallOperationsService } from '../../voice/calls/call-operations.service';
import { DeviceOperationsService } from '../../voice/device-operations.service';
import { VoiceSessions } from '../../voice/voice-session';
import { WorkspaceSession } from '../auth/workspace-session.decorator';
import { WorkspacePrincipal } from '../auth/workspace-session.guard';
import { V3_ACCEPTED, v3Data, type V3Answer, type V3DataAnswer } from '../common/v3-answers';
import { v3Data as parseV3Data } from '../common/v3-body';
import { V3ExceptionFilter } from '../common/v3-exception.filter';
import { WORKSPACE_V3_TAG } from '../common/v3-openapi';
import { notServed } from '../not-served';
import { V3_CALL_OPERATIONS, type CallLookup } from './v3-call-operations';
import { V3_VOICE_OPERATIONS, type VoiceRunner } from './v3-voice-operations';
import type { V3Call } from './v3-views';
import { WorkspaceVoiceViews } from './workspace-voice-views';

const CALL_DTOS = [...new Set(Object.values(V3_CALL_OPERATIONS).map((operation) => operation.dto))];
const VOICE_DTOS = [...new Set(Object.values(V3_VOICE_OPERATIONS).map((operation) => operation.dto))];

/** The v3 voice operations open-gws does not serve: Genesys' library wraps them, no v2 command does them. */
const NOT_SERVED = new Set([
  'login',
  'logout',
  'clear',
  'complete',
  'start-recording',
  'pause-recording',
  'resume-recording',
  'stop-recording',
  'start-monitoring',
  'stop-monitoring',
  'switch-to-listen-in',
  'switch-to-coaching',
  'switch-to-barge-in',
]);

/**
 * `/workspace/v3/voice`: each operation is an entry of V3_VOICE_OPERATIONS or V3_CALL_OPERATIONS, which names the
 * v2 command it runs; this controller only binds the caller and runs it through the service the v2 controllers use.
 * Answers `{status: {code: 1}}` once sent; the outcome follows on CometD (`/workspace/v3/voice`).
 */
@ApiTags(WORKSPACE_V3_TAG)
@Public()
@WorkspaceSession()
@UseFilters(V3ExceptionFilter)
@Controller('workspace/v3/voice')
export class VoiceController {
  constructor(
    private readonly sessions: VoiceSessions,
    private readonly agentState: AgentStateService,
    private readonly devices: DeviceOperationsService,
    private readonly calls: CallOperationsService,
    private readonly views: WorkspaceVoiceViews,
  ) {}

  @Get('calls')
  @ApiOperation({ summary: "The agent's calls" })
  list(@WorkspacePrincipal() principal: GwsPrincipal): V3DataAnswer<{ calls: V3Call[] }> {
    return v3Data({ calls: this.views.calls(principal.userId) });
  }

  @Post('calls/:id/:operation')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Act on one of your calls (id: the call id or its ConnID)' })
  @ApiParam({ name: 'operation', enum: Object.keys(V3_CALL_OPERATIONS) })
  @ApiExtraModels(...CALL_DTOS)
  @ApiBody({ schema: { properties: { data: { oneOf: CALL_DTOS.map((dto) => ({ $ref: getSchemaPath(dto) })) } } } })
  @ApiOkResponse({ description: 'Sent; the outcome follows on CometD', schema: { example: V3_ACCEPTED } })
  async call(
    @WorkspacePrincipal() principal: GwsPrincipal,
    @Param('id') id: string,
    @Param('operation') name: string,
    @Body() body: unknown,
  ): Promise<V3Answer> {
    const operation = Object.hasOwn(V3_CALL_OPERATIONS, name) ? V3_CALL_OPERATIONS[name] : undefined;
    if (operation === undefined) throw unknownOperation(`calls/{id}/${name}`, Object.keys(V3_CALL_OPERATIONS));
    const lookup = this.lookup(principal);
    const callId = lookup.idOf(id);
    const call = this.views.calls(principal.userId).find((candidate) => candidate.id === callId);
    if (call !== undefined && !call.capabilities.includes(name)) {
      throw new GwsException(
        GwsStatus.InvalidForState,
        `${name} is not allowed on call ${callId} (${call.state}); allowed: ${call.capabilities.join(', ') || 'none'}`,
      );
    }
    const data = await parseV3Data(operation.dto, body, name);
    const params = operation.params(data, lookup);
    const target = operation.target?.(data, callId, lookup) ?? callId;
    this.calls.run(principal, target, operation.command, params);
    return V3_ACCEPTED;
  }

  @Post(':operation')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Agent state, do-not-disturb, forwarding, a new call, a user event' })
  @ApiParam({ name: 'operation', enum: Object.keys(V3_VOICE_OPERATIONS) })
  @ApiExtraModels(...VOICE_DTOS)
  @ApiBody({ schema: { properties: { data: { oneOf: VOICE_DTOS.map((dto) => ({ $ref: getSchemaPath(dto) })) } } } })
  @ApiOkResponse({ description: 'Sent; the outcome follows on CometD', schema: { example: V3_ACCEPTED } })
  async voice(
    @WorkspacePrincipal() principal: GwsPrincipal,
    @Param('operation') name: string,
    @Body() body: unknown,
  ): Promise<V3Answer> {
    const operation = Object.hasOwn(V3_VOICE_OPERATIONS, name) ? V3_VOICE_OPERATIONS[name] : undefined;
    if (operation === undefined) throw unknownOperation(name, Object.keys(V3_VOICE_OPERATIONS));
    const data = await parseV3Data(operation.dto, body, name, operation.outside);
    await operation.run(data, (body ?? {}) as Readonly<Record<string, unknown>>, this.runner(principal));
    return V3_ACCEPTED;
  }

  /** The caller's calls by id or ConnID. */
  private lookup(principal: GwsPrincipal): CallLookup {
    const table = this.sessions.ofUser(principal.userId)?.calls;
    return {
      idOf: (idOrConnId) => {
        const call = table?.get(idOrConnId) ?? table?.byConnId(idOrConnId);
        if (call === undefined) throw new GwsException(GwsStatus.NotFound, `Call ${idOrConnId} not found`);
        return call.id;
      },
      get: (id) => table?.get(id),
    };
  }

  private runner(principal: GwsPrincipal): VoiceRunner {
    const deviceId = (): string => {
      const devices = [...(this.sessions.ofUser(principal.userId)?.devices.values() ?? [])];
      const device = devices.find((candidate) => candidate.agentId !== undefined) ?? devices[0];
      if (device === undefined) {
        throw new GwsException(
          GwsStatus.InvalidForState,
          'No voice channel: POST /workspace/v3/activate-channels first',
        );
      }
      return device.id;
    };
    return {
      agentState: (command, params) => this.agentState.change(principal, command, params),
      device: (command, params) => this.devices.run(principal, deviceId(), command, params),
      fromDevice: (command, params) => this.calls.dial(principal, deviceId(), command, params),
      connIdOf: (callUuid) => {
        const calls = this.sessions.ofUser(principal.userId)?.calls.all() ?? [];
        const call = calls.find((candidate) => candidate.callUuid === callUuid || candidate.id === callUuid);
        if (call === undefined) throw new GwsException(GwsStatus.NotFound, `Call ${callUuid} not found`);
        return call.connId;
      },
    };
  }
}

function unknownOperation(path: string, served: readonly string[]): GwsException {
  const name = path.split('/').pop() ?? path;
  if (NOT_SERVED.has(name)) return notServed(`POST /workspace/v3/voice/${path}`);
  return new GwsException(
    GwsStatus.NotFound,
    `Unknown operation voice/${path}; served: ${served.join(', ')}`,
    HttpStatus.NOT_FOUND,
  );
}
