import 'reflect-metadata';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { NestFactory } from '@nestjs/core';
import { AdminModule } from './admin.module';
import type { AdminTarget } from './admin-target';

export interface AdminServer {
  readonly port: number;
  close(): Promise<void>;
}

/** Starts the HTTP admin API (NestJS) on `host:port`; port 0 picks a free one. */
export async function startAdminServer(target: AdminTarget, host: string, port: number): Promise<AdminServer> {
  const app = await NestFactory.create(AdminModule.register(target), { logger: false });
  await app.listen(port, host);
  const server = app.getHttpServer() as Server;
  return { port: (server.address() as AddressInfo).port, close: () => app.close() };
}
