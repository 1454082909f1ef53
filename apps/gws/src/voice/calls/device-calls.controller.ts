import { Body, Controller, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Principal } from '../../auth/principal.decorator';
import { ApiOperations } from '../../common/operations/api-operations.decorator';
import { dtosOf, sentOperationTable } from '../../common/operations/command';
import type { OperationTable } from '../../common/operations/operation-table';
import type { GwsPrincipal } from '../../sessions/gws-principal';
import { DEVICE_CALL_OPERATIONS } from './call-operations';
import { CallOperationsService } from './call-operations.service';

interface DeviceContext {
  readonly principal: GwsPrincipal;
  readonly deviceId: string;
}

/** `POST /api/v2/me/devices/{id}/calls {"operationName":"Dial", ...}`: the new call appears on CometD. */
@ApiTags('Calls')
@Controller('api/v2/me/devices/:id/calls')
export class DeviceCallsController {
  private readonly operations: OperationTable<DeviceContext>;

  constructor(calls: CallOperationsService) {
    this.operations = sentOperationTable(
      '/me/devices/{id}/calls',
      DEVICE_CALL_OPERATIONS,
      ({ principal, deviceId }: DeviceContext, operation, params) => calls.dial(principal, deviceId, operation, params),
    );
  }

  @Post()
  @ApiOperations('Dial from one of your devices', dtosOf(DEVICE_CALL_OPERATIONS))
  async dial(
    @Principal() principal: GwsPrincipal,
    @Param('id') deviceId: string,
    @Body() body: unknown,
  ): Promise<{ statusCode: 0 }> {
    await this.operations.execute({ principal, deviceId }, body);
    return { statusCode: 0 };
  }
}
