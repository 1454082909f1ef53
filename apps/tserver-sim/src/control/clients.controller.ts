import { Body, Controller, Get, HttpCode, Inject, Param, Post } from '@nestjs/common';
import type { ClientInfo, SimulatorControl } from '../simulator-types';
import { FaultDto } from './dto/fault.dto';
import { SIMULATOR } from './simulator.token';
import { validBody } from './valid-body';

/** Connected T-Lib clients and fault injection on their links. */
@Controller('clients')
export class ClientsController {
  constructor(@Inject(SIMULATOR) private readonly simulator: SimulatorControl) {}

  @Get()
  list(): ClientInfo[] {
    return this.simulator.clients();
  }

  @Post(':id/faults')
  @HttpCode(200)
  fault(@Param('id') id: string, @Body(validBody(FaultDto)) body: FaultDto): { client: string; fault: string } {
    this.simulator.fault(id, body.fault);
    return { client: id, fault: body.fault };
  }
}
