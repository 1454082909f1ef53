import type { ClassConstructor } from 'class-transformer';
import { GwsException } from '../../common/gws.exception';
import { GwsStatus } from '../../common/gws-status';
import type { GwsDevice } from '../../notifications';
import { AGENT_STATE_OPERATIONS, type AgentStateOperation } from '../../voice/agent-state.operations';
import { DEVICE_CALL_OPERATIONS, type LegParams } from '../../voice/calls/call-operations';
import type { DeviceOperation } from '../../voice/device-operation';
import { DEVICE_OPERATIONS } from '../../voice/device-operations';
import { kvListToFlat } from '../common/kv-list';
import { ForwardDataDto, NotReadyDataDto, UserEventDataDto } from './dto/agent-data.dto';
import { DestinationDataDto, VoiceDataDto } from './dto/call-data.dto';
import { kvListToTlib, USER_EVENT_COMMANDS } from './user-event-command';

/** The services the v2 controllers use, bound to the caller and the DN the agent is logged in on. */
export interface VoiceRunner {
  /** As `POST /api/v2/me/channels/voice` does (AgentStateService). */
  agentState<P>(command: AgentStateOperation<P>, params: P): Promise<void>;
  /** As `POST /api/v2/me/devices/{id}` does (DeviceOperationsService): the command must be a device capability. */
  device<P>(command: DeviceOperation<P>, params: P): void;
  /** As `POST /api/v2/me/devices/{id}/calls` does (CallOperationsService.dial): a request from the device. */
  fromDevice<P>(command: DeviceOperation<P>, params: P): void;
  /** The ConnID of the caller's call with this CallUUID (or id); statusCode 6 when there is none. */
  connIdOf(callUuid: string): string;
}

/** One v3 voice operation (`POST /workspace/v3/voice/<name>`): which command it runs, with which parameters. */
export interface V3VoiceOperation<D extends object = object> {
  readonly dto: ClassConstructor<D>;
  /** Top-level fields the body may carry beside `data`. */
  readonly outside?: readonly string[];
  run(data: D, body: Readonly<Record<string, unknown>>, runner: VoiceRunner): Promise<void>;
  /** Whether a DN lists the operation among its capabilities (v2 device view); not listed by default. */
  listed?(device: GwsDevice): boolean;
}

function v3Voice<D extends object>(operation: V3VoiceOperation<D>): V3VoiceOperation {
  return operation;
}

const loggedIn = (device: GwsDevice): boolean =>
  device.deviceState === 'Active' && (device.userState.state === 'Ready' || device.userState.state === 'NotReady');

const deviceAllows = (command: DeviceOperation) => (device: GwsDevice) => device.capabilities.includes(command.name);

function leg(data: DestinationDataDto): LegParams {
  return {
    destination: data.destination,
    location: data.location,
    userData: data.userData === undefined ? undefined : kvListToFlat(data.userData, 'data.userData'),
  };
}

/** `not-ready`'s reason: in `data` (the model) or beside it (what the library's wrapper sends). */
function reasonOf(data: NotReadyDataDto, body: Readonly<Record<string, unknown>>): string | undefined {
  const outside = body['reasonCode'];
  if (outside !== undefined && outside !== null && (typeof outside !== 'string' || outside === '')) {
    throw new GwsException(
      GwsStatus.ValidationError,
      "Invalid parameter 'reasonCode' for not-ready: it must be a string",
    );
  }
  return data.reasonCode ?? (typeof outside === 'string' ? outside : undefined);
}

/**
 * Every v3 agent and DN operation open-gws serves, each running the v2 command of the same meaning. Not served (no
 * v2 command): voice `login` and `logout` (activate-channels and logout do both), monitoring.
 */
export const V3_VOICE_OPERATIONS: Readonly<Record<string, V3VoiceOperation>> = {
  ready: v3Voice({
    dto: VoiceDataDto,
    run: (_data, _body, runner) => runner.agentState(AGENT_STATE_OPERATIONS.Ready, {}),
    listed: (device) => loggedIn(device) && device.userState.state === 'NotReady',
  }),
  'not-ready': v3Voice({
    dto: NotReadyDataDto,
    outside: ['reasonCode'],
    run: (data, body, runner) => {
      const reasonCode = reasonOf(data, body);
      switch (data.agentWorkMode) {
        case undefined:
          return runner.agentState(AGENT_STATE_OPERATIONS.NotReady, { reasonCode });
        case 'AuxWork':
          return runner.agentState(AGENT_STATE_OPERATIONS.AuxWork, { reasonCode });
        case 'AfterCallWork':
          if (reasonCode !== undefined) {
            throw new GwsException(
              GwsStatus.ValidationError,
              'not-ready with AfterCallWork takes no reasonCode here; send AuxWork (or no work mode) with a reason',
            );
          }
          return runner.agentState(AGENT_STATE_OPERATIONS.AfterCallWork, { wrapUpTime: undefined });
        default:
          throw new GwsException(
            GwsStatus.ValidationError,
            `Work mode ${data.agentWorkMode} is not served; served: AuxWork, AfterCallWork (or none)`,
          );
      }
    },
    listed: loggedIn,
  }),
  'dnd-on': v3Voice({
    dto: VoiceDataDto,
    run: (_data, _body, runner) => Promise.resolve(runner.device(DEVICE_OPERATIONS.DoNotDisturbOn, {})),
    listed: deviceAllows(DEVICE_OPERATIONS.DoNotDisturbOn),
  }),
  'dnd-off': v3Voice({
    dto: VoiceDataDto,
    run: (_data, _body, runner) => Promise.resolve(runner.device(DEVICE_OPERATIONS.DoNotDisturbOff, {})),
    listed: deviceAllows(DEVICE_OPERATIONS.DoNotDisturbOff),
  }),
  'set-forward': v3Voice({
    dto: ForwardDataDto,
    run: (data, _body, runner) =>
      Promise.resolve(runner.device(DEVICE_OPERATIONS.ForwardCallsOn, { destination: data.forwardTo })),
    listed: deviceAllows(DEVICE_OPERATIONS.ForwardCallsOn),
  }),
  'cancel-forward': v3Voice({
    dto: VoiceDataDto,
    run: (_data, _body, runner) => Promise.resolve(runner.device(DEVICE_OPERATIONS.ForwardCallsOff, {})),
    listed: deviceAllows(DEVICE_OPERATIONS.ForwardCallsOff),
  }),
  'make-call': v3Voice({
    dto: DestinationDataDto,
    run: (data, _body, runner) => Promise.resolve(runner.fromDevice(DEVICE_CALL_OPERATIONS.Dial, leg(data))),
  }),
  'send-user-event': v3Voice({
    dto: UserEventDataDto,
    run: (data, _body, runner) =>
      Promise.resolve(
        runner.fromDevice(USER_EVENT_COMMANDS.SendUserEvent, {
          userData: kvListToTlib(data.userData),
          ...(data.callUuid === undefined ? {} : { connId: runner.connIdOf(data.callUuid) }),
        }),
      ),
  }),
};

/** The v3 operations a DN offers now, from its v2 view. */
export function v3DnCapabilities(device: GwsDevice): string[] {
  return Object.entries(V3_VOICE_OPERATIONS)
    .filter(([, operation]) => operation.listed?.(device) ?? false)
    .map(([name]) => name);
}
