import { Module, type DynamicModule } from '@nestjs/common';
import { PushSessionKeeper } from '../sessions/push-session-keeper';
import { LogoutService } from './logout.service';
import { MeController } from './me.controller';
import { UserViewService } from './user-view.service';

@Module({})
export class MeModule {
  static register(imports: DynamicModule[]): DynamicModule {
    return {
      module: MeModule,
      imports,
      controllers: [MeController],
      providers: [UserViewService, LogoutService, PushSessionKeeper],
    };
  }
}
