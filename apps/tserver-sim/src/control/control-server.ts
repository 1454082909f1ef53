import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { LinkLogger } from '@gws/framed-link';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import type { SimulatorControl } from '../simulator-types';
import { ControlExceptionFilter } from './control-exception.filter';
import { ControlModule } from './control.module';

export interface ControlServer {
  readonly port: number;
  close(): Promise<void>;
}

/** Starts the HTTP control API (docs/simulator.md: Control API). */
export async function startControlServer(
  simulator: SimulatorControl,
  host: string,
  port: number,
  logger: LinkLogger,
): Promise<ControlServer> {
  const app: INestApplication = await NestFactory.create(ControlModule.register(simulator), { logger: false });
  app.useGlobalFilters(new ControlExceptionFilter(logger));
  await app.listen(port, host);
  const address = (app.getHttpServer() as Server).address() as AddressInfo;
  return { port: address.port, close: () => app.close() };
}
