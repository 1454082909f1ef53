import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiQuery, ApiTags } from '@nestjs/swagger';
import type { ClassConstructor } from 'class-transformer';
import { Principal } from '../../auth/principal.decorator';
import { collectionAnswer, pickFields } from '../../common/collection';
import { ApiOperations } from '../../common/operations/api-operations.decorator';
import { operation, OperationTable, type OperationDefinition } from '../../common/operations/operation-table';
import type { GwsPrincipal } from '../../sessions/gws-principal';
import { CallOperationsService } from './call-operations.service';
import { CallViews } from './call-views';
import * as dto from './dto/call-operations.dto';

interface CallContext {
  readonly principal: GwsPrincipal;
  readonly callId: string;
}

const CALL_OPERATION_DTOS: Record<string, ClassConstructor<object>> = {
  Answer: dto.AnswerDto,
  Hangup: dto.HangupDto,
  Hold: dto.HoldDto,
  Retrieve: dto.RetrieveDto,
  InitiateTransfer: dto.InitiateTransferDto,
  CompleteTransfer: dto.CompleteTransferDto,
  SingleStepTransfer: dto.SingleStepTransferDto,
  InitiateConference: dto.InitiateConferenceDto,
  CompleteConference: dto.CompleteConferenceDto,
  SingleStepConference: dto.SingleStepConferenceDto,
  RemoveParticipantFromConference: dto.RemoveParticipantFromConferenceDto,
  SwapCalls: dto.SwapCallsDto,
  SendDtmf: dto.SendDtmfDto,
  AttachUserData: dto.AttachUserDataDto,
  UpdateUserData: dto.UpdateUserDataDto,
  DeleteUserDataPair: dto.DeleteUserDataPairDto,
  DeleteUserData: dto.DeleteUserDataDto,
  Redirect: dto.RedirectDto,
};

@ApiTags('Calls')
@Controller('api/v2/me/calls')
export class CallsController {
  private readonly operations: OperationTable<CallContext>;

  constructor(
    private readonly views: CallViews,
    private readonly calls: CallOperationsService,
  ) {
    const definitions: Record<string, OperationDefinition<CallContext>> = {};
    for (const [name, type] of Object.entries(CALL_OPERATION_DTOS)) {
      definitions[name] = operation(type, ({ principal, callId }, params: object) => {
        calls.run(principal, callId, name, params);
        return Promise.resolve();
      });
    }
    this.operations = new OperationTable<CallContext>('/me/calls/{id}', definitions);
  }

  @Get()
  @ApiQuery({ name: 'fields', required: false, description: '`*` or a comma list for call objects; URIs otherwise' })
  list(@Principal() principal: GwsPrincipal, @Query('fields') fields?: string): Record<string, unknown> {
    return collectionAnswer('calls', this.views.ofUser(principal.userId), fields);
  }

  @Get(':id')
  one(
    @Principal() principal: GwsPrincipal,
    @Param('id') id: string,
    @Query('fields') fields?: string,
  ): Record<string, unknown> {
    return { statusCode: 0, call: pickFields(this.views.one(principal, id), fields) };
  }

  @Post(':id')
  @ApiOperations('Act on one of your calls', Object.values(CALL_OPERATION_DTOS))
  async operate(
    @Principal() principal: GwsPrincipal,
    @Param('id') callId: string,
    @Body() body: unknown,
  ): Promise<{ statusCode: 0 }> {
    this.calls.ownCall(principal, callId);
    await this.operations.execute({ principal, callId }, body);
    return { statusCode: 0 };
  }
}
