import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { collectionAnswer } from '../common/collection';
import { GwsException } from '../common/gws.exception';
import { GwsStatus } from '../common/gws-status';
import { SettingsService } from './settings.service';

@ApiTags('Settings')
@Controller('api/v2')
export class SettingsController {
  constructor(private readonly settings: SettingsService) {}

  @Get('settings/agent-states')
  async agentStates(): Promise<Record<string, unknown>> {
    return { statusCode: 0, settings: await this.settings.agentStates() };
  }

  @Get('settings/general-settings')
  async generalSettings(): Promise<Record<string, unknown>> {
    return { statusCode: 0, settings: await this.settings.generalSettings() };
  }

  @Get(['features', 'system/features'])
  features(@Query('fields') fields?: string): Record<string, unknown> {
    const items = this.settings.features().map((feature) => ({ ...feature, uri: `/api/v2/features/${feature.id}` }));
    return collectionAnswer('features', items, fields);
  }

  @Get('features/:id')
  feature(@Param('id') id: string): Record<string, unknown> {
    const feature = this.settings.features().find((candidate) => candidate.id === id);
    if (feature === undefined) throw new GwsException(GwsStatus.NotFound, `Feature ${id} not found`);
    return { statusCode: 0, feature };
  }
}
