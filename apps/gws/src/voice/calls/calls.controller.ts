import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiQuery, ApiTags } from '@nestjs/swagger';
import { Principal } from '../../auth/principal.decorator';
import { collectionAnswer, pickFields } from '../../common/collection';
import { ApiOperations } from '../../common/operations/api-operations.decorator';
import { dtosOf, sentOperationTable } from '../../common/operations/command';
import type { OperationTable } from '../../common/operations/operation-table';
import type { GwsPrincipal } from '../../sessions/gws-principal';
import { CALL_OPERATIONS } from './call-operations';
import { CallOperationsService } from './call-operations.service';
import { CallViews } from './call-views';

interface CallContext {
  readonly principal: GwsPrincipal;
  readonly callId: string;
}

@ApiTags('Calls')
@Controller('api/v2/me/calls')
export class CallsController {
  private readonly operations: OperationTable<CallContext>;

  constructor(
    private readonly views: CallViews,
    private readonly calls: CallOperationsService,
  ) {
    this.operations = sentOperationTable(
      '/me/calls/{id}',
      CALL_OPERATIONS,
      ({ principal, callId }: CallContext, operation, params) => calls.run(principal, callId, operation, params),
    );
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
  @ApiOperations('Act on one of your calls', dtosOf(CALL_OPERATIONS))
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
