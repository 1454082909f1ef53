import { Controller, Get, Inject } from '@nestjs/common';
import type { SimulatorControl, SimulatorSnapshot } from '../simulator-types';
import { SIMULATOR } from './simulator.token';

@Controller('snapshot')
export class SnapshotController {
  constructor(@Inject(SIMULATOR) private readonly simulator: SimulatorControl) {}

  @Get()
  snapshot(): SimulatorSnapshot {
    return this.simulator.snapshot();
  }
}
