import { commandTable, noParams } from '../common/operations/command';
import { deviceOperation } from './device-operation';
import {
  DoNotDisturbOffDto,
  DoNotDisturbOnDto,
  ForwardCallsOffDto,
  ForwardCallsOnDto,
} from './dto/device-operations.dto';

/** `POST /api/v2/me/devices/{id}`: do-not-disturb and call forwarding (docs/api.md, Operations). */
export const DEVICE_OPERATIONS = commandTable({
  DoNotDisturbOn: deviceOperation({
    dto: DoNotDisturbOnDto,
    params: noParams,
    send: (_, dn, tserver) => tserver.dn.setDnd(dn, true),
  }),
  DoNotDisturbOff: deviceOperation({
    dto: DoNotDisturbOffDto,
    params: noParams,
    send: (_, dn, tserver) => tserver.dn.setDnd(dn, false),
  }),
  ForwardCallsOn: deviceOperation({
    dto: ForwardCallsOnDto,
    params: (body) => ({ destination: body.destination }),
    send: ({ destination }, dn, tserver) => tserver.dn.forwardSet(dn, destination),
  }),
  ForwardCallsOff: deviceOperation({
    dto: ForwardCallsOffDto,
    params: noParams,
    send: (_, dn, tserver) => tserver.dn.forwardCancel(dn),
  }),
});

export type DeviceOperationName = keyof typeof DEVICE_OPERATIONS;
