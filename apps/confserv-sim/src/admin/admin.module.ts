import { Module, type DynamicModule } from '@nestjs/common';
import { ADMIN_TARGET, type AdminTarget } from './admin-target';
import { ObjectsController } from './objects.controller';

@Module({})
export class AdminModule {
  static register(target: AdminTarget): DynamicModule {
    return {
      module: AdminModule,
      controllers: [ObjectsController],
      providers: [{ provide: ADMIN_TARGET, useValue: target }],
    };
  }
}
