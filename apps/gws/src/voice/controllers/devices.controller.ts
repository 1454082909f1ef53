import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiQuery, ApiTags } from '@nestjs/swagger';
import { Principal } from '../../auth/principal.decorator';
import { collectionAnswer, pickFields } from '../../common/collection';
import { ApiOperations } from '../../common/operations/api-operations.decorator';
import { dtosOf, sentOperationTable } from '../../common/operations/command';
import type { OperationTable } from '../../common/operations/operation-table';
import type { GwsPrincipal } from '../../sessions/gws-principal';
import { DEVICE_OPERATIONS } from '../device-operations';
import { DeviceOperationsService } from '../device-operations.service';
import { deviceView } from '../model/device-view';
import { NotReadyReasonsService } from '../not-ready-reasons.service';
import { VoiceSessions } from '../voice-session';

interface DeviceContext {
  readonly principal: GwsPrincipal;
  readonly deviceId: string;
}

@ApiTags('Devices')
@Controller('api/v2/me/devices')
export class DevicesController {
  private readonly operations: OperationTable<DeviceContext>;

  constructor(
    private readonly sessions: VoiceSessions,
    private readonly reasons: NotReadyReasonsService,
    private readonly devices: DeviceOperationsService,
  ) {
    this.operations = sentOperationTable(
      '/me/devices/{id}',
      DEVICE_OPERATIONS,
      ({ principal, deviceId }: DeviceContext, operation, params) =>
        devices.run(principal, deviceId, operation, params),
    );
  }

  @Get()
  @ApiQuery({ name: 'fields', required: false, description: '`*` or a comma list for device objects; URIs otherwise' })
  list(@Principal() principal: GwsPrincipal, @Query('fields') fields?: string): Record<string, unknown> {
    const session = this.sessions.ofUser(principal.userId);
    const views =
      session === undefined
        ? []
        : [...session.devices.values()].map((device) => deviceView(device, this.reasons.current, session.urls));
    return collectionAnswer('devices', views, fields);
  }

  @Get(':id')
  one(
    @Principal() principal: GwsPrincipal,
    @Param('id') id: string,
    @Query('fields') fields?: string,
  ): Record<string, unknown> {
    const { session, device } = this.devices.ownDevice(principal, id);
    return { statusCode: 0, device: pickFields(deviceView(device, this.reasons.current, session.urls), fields) };
  }

  @Post(':id')
  @ApiOperations('Do-not-disturb and call forwarding on one of your devices', dtosOf(DEVICE_OPERATIONS))
  async operate(
    @Principal() principal: GwsPrincipal,
    @Param('id') deviceId: string,
    @Body() body: unknown,
  ): Promise<{ statusCode: 0 }> {
    this.devices.ownDevice(principal, deviceId);
    await this.operations.execute({ principal, deviceId }, body);
    return { statusCode: 0 };
  }
}
