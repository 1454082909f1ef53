import { Controller, HttpCode, Inject, Post } from '@nestjs/common';
import type { SimulatorControl } from '../simulator-types';
import { SIMULATOR } from './simulator.token';

/** The CTI link to the switch and the HA pair. */
@Controller()
export class LinkController {
  constructor(@Inject(SIMULATOR) private readonly simulator: SimulatorControl) {}

  @Post('link/down')
  @HttpCode(200)
  down(): { linkUp: boolean } {
    this.simulator.setLink(false);
    return { linkUp: false };
  }

  @Post('link/up')
  @HttpCode(200)
  up(): { linkUp: boolean } {
    this.simulator.setLink(true);
    return { linkUp: true };
  }

  @Post('switchover')
  @HttpCode(200)
  switchover(): { primary: number; backup: number } {
    this.simulator.switchover();
    return this.simulator.snapshot().endpoints;
  }
}
