import { Module, type DynamicModule } from '@nestjs/common';
import type { SimulatorControl } from '../simulator-types';
import { ClientsController } from './clients.controller';
import { ExternalCallsController } from './external-calls.controller';
import { LinkController } from './link.controller';
import { SIMULATOR } from './simulator.token';
import { SipController } from './sip.controller';
import { SnapshotController } from './snapshot.controller';

@Module({})
export class ControlModule {
  static register(simulator: SimulatorControl): DynamicModule {
    return {
      module: ControlModule,
      controllers: [ExternalCallsController, LinkController, ClientsController, SnapshotController, SipController],
      providers: [{ provide: SIMULATOR, useValue: simulator }],
    };
  }
}
