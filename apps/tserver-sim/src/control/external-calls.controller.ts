import { Body, Controller, HttpCode, Inject, Param, Post } from '@nestjs/common';
import type { SimulatorControl } from '../simulator-types';
import { DtmfDto } from './dto/dtmf.dto';
import { InjectCallDto } from './dto/inject-call.dto';
import { SIMULATOR } from './simulator.token';
import { validBody } from './valid-body';

/** Calls from and to the world outside the switch. */
@Controller('calls')
export class ExternalCallsController {
  constructor(@Inject(SIMULATOR) private readonly simulator: SimulatorControl) {}

  @Post()
  inject(@Body(validBody(InjectCallDto)) body: InjectCallDto): { connId: string; callUuid: string } {
    return this.simulator.injectCall(body);
  }

  @Post(':connId/answer')
  @HttpCode(200)
  answer(@Param('connId') connId: string): { connId: string } {
    this.simulator.externalAnswer(connId);
    return { connId };
  }

  @Post(':connId/hangup')
  @HttpCode(200)
  hangup(@Param('connId') connId: string): { connId: string } {
    this.simulator.externalHangup(connId);
    return { connId };
  }

  @Post(':connId/dtmf')
  @HttpCode(200)
  dtmf(@Param('connId') connId: string, @Body(validBody(DtmfDto)) body: DtmfDto): { connId: string; digits: string } {
    this.simulator.externalSendDtmf(connId, body.digits);
    return { connId, digits: body.digits };
  }
}
