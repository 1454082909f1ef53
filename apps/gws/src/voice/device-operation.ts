import type { TMessage } from '@gws/tlib';
import type { ClassConstructor } from 'class-transformer';
import type { Command, CommandSpec } from '../common/operations/command';
import type { TServerRequests } from './tserver-requests';

/**
 * One operation on a device (docs/operations.md): the request it sends for the device's DN. For the operations of
 * `/me/devices/{id}` the name is the capability the device must list (deviceCapabilities).
 */
export interface DeviceOperation<P = unknown, D extends object = object> extends Command<P, D> {
  send(params: P, dn: string, tserver: TServerRequests): Promise<TMessage>;
}

/** A device operation, with `params` and `send` typed by its DTO (for `commandTable`). */
export function deviceOperation<D extends object, P>(spec: {
  readonly dto: ClassConstructor<D>;
  readonly params: (body: D) => P;
  readonly send: (params: P, dn: string, tserver: TServerRequests) => Promise<TMessage>;
}): CommandSpec<DeviceOperation<P, D>> {
  return spec;
}
