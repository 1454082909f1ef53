import { Controller, Get, Inject } from '@nestjs/common';
import type { SipLegInfo } from '../sip/sip-options';
import type { SimulatorControl } from '../simulator-types';
import { SIMULATOR } from './simulator.token';

/** The SIP side toward the WebRTC gateway: its call legs and their media counters. */
@Controller('sip')
export class SipController {
  constructor(@Inject(SIMULATOR) private readonly simulator: SimulatorControl) {}

  @Get('legs')
  legs(): { legs: SipLegInfo[] } {
    return { legs: this.simulator.sipLegs() };
  }
}
