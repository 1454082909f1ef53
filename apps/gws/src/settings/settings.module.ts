import { Module, type DynamicModule } from '@nestjs/common';
import { SettingsController } from './settings.controller';
import { SettingsService } from './settings.service';

@Module({})
export class SettingsModule {
  static register(voice: DynamicModule): DynamicModule {
    return {
      module: SettingsModule,
      imports: [voice],
      controllers: [SettingsController],
      providers: [SettingsService],
      exports: [SettingsService],
    };
  }
}
