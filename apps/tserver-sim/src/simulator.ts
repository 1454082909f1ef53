import type { Socket } from 'node:net';
import type { ContactCenterDirectory } from '@gws/directory';
import { FramedConnection, silentLogger, type InboundLinkLimits, type LinkLogger } from '@gws/framed-link';
import { createTlibCodec, flatUserDataToKV, KVList, RegisterMode, ServerRole, type TMessage } from '@gws/tlib';
import { startControlServer, type ControlServer } from './control/control-server';
import { REQUEST_HANDLERS } from './handlers';
import { ClientSession } from './link/client-session';
import { EventFanout } from './link/event-fanout';
import { linkStateEvent } from './link/link-state';
import { RequestDispatcher } from './link/request-dispatcher';
import { TServerEndpoint } from './link/tserver-endpoint';
import type { ClientFault, ClientInfo, InjectCallInput, SimulatorControl, SimulatorSnapshot } from './simulator-types';
import { SipGatewaySide } from './sip/sip-gateway-side';
import type { SimulatorSipOptions, SipLegInfo } from './sip/sip-options';
import { switchSnapshot, type DnRegistrants } from './switch/snapshot';
import { SwitchModel } from './switch/switch-model';
import { UnknownClientError } from './unknown-client.error';

export type { ClientFault, ClientInfo, InjectCallInput, SimulatorSnapshot } from './simulator-types';
export type { CtiControl, SimulatorSipOptions, SipLegInfo } from './sip/sip-options';

/**
 * The link limits (`maxConnections`, `registrationTimeoutMs`, `unregisteredMaxFrameBytes`) apply to each of the two
 * T-Lib listeners on its own (docs/simulator.md, "Limits").
 */
export interface TServerSimulatorOptions extends InboundLinkLimits {
  directory: ContactCenterDirectory;
  /** @default '127.0.0.1' */
  host?: string;
  /** 0 = a free port. @default 0 */
  primaryPort?: number;
  /** 0 = a free port. @default 0 */
  backupPort?: number;
  /** HTTP control API port (0 = a free port); omitted = not started. */
  controlPort?: number;
  /** Delay before an external number answers. @default 1000 */
  externalAnswerDelayMs?: number;
  /** How long a `...0487` number rings before the call ends with CallState NoAnswer. @default 30000 */
  noAnswerTimeoutMs?: number;
  /** @default 'tserver protocol 4.2' */
  protocolVersion?: string;
  /** The SIP side toward the WebRTC gateway (docs/simulator.md, "SIP side"); omitted = every DN is simulated. */
  sip?: SimulatorSipOptions;
  logger?: LinkLogger;
  now?: () => number;
}

export const DEFAULT_PROTOCOL_VERSION = 'tserver protocol 4.2';
export const SIMULATOR_SERVER_VERSION = '8.1.400.00 open-gws tserver-sim';
const USER_DATA_CAP_BYTES = 16_000;
/** Bytes no frame starts with: the client's decoder rejects the frame tag and drops the link. */
const CORRUPT_FRAME = Buffer.from('\xde\xad\xbe\xef corrupt frame from tserver-sim', 'latin1');

/**
 * A SIP Server (T-Server) simulator: a hot-standby pair of T-Lib endpoints over one simulated switch, and an
 * optional HTTP control API. Real TCP, production codec and framing (docs/simulator.md).
 */
export class TServerSimulator implements SimulatorControl {
  private readonly sessions = new Map<string, ClientSession>();
  private readonly codec = createTlibCodec();
  private readonly logger: LinkLogger;
  private readonly now: () => number;
  private readonly fanout: EventFanout;
  private readonly model: SwitchModel;
  private readonly dispatcher: RequestDispatcher;
  private readonly state: { linkUp: boolean; readonly protocolVersion: string; readonly serverVersion: string };
  private endpoints: TServerEndpoint[] = [];
  private control: ControlServer | undefined;
  private readonly sip: SipGatewaySide | undefined;
  private nextClient = 0;
  private closed = false;

  private constructor(options: TServerSimulatorOptions) {
    this.logger = options.logger ?? silentLogger;
    this.now = options.now ?? Date.now;
    this.state = {
      linkUp: true,
      protocolVersion: options.protocolVersion ?? DEFAULT_PROTOCOL_VERSION,
      serverVersion: SIMULATOR_SERVER_VERSION,
    };
    this.fanout = new EventFanout(() => this.sessions.values(), this.now, Math.floor(this.now() / 1000));
    this.sip = options.sip === undefined ? undefined : new SipGatewaySide(options.sip, this.logger, this.now);
    this.model = new SwitchModel({
      directory: options.directory,
      sink: this.fanout,
      logger: this.logger,
      now: this.now,
      settings: {
        externalAnswerDelayMs: options.externalAnswerDelayMs ?? 1000,
        noAnswerTimeoutMs: options.noAnswerTimeoutMs ?? 30_000,
        userDataCapBytes: USER_DATA_CAP_BYTES,
      },
      ...(this.sip !== undefined ? { endpoints: this.sip } : {}),
    });
    this.dispatcher = new RequestDispatcher({
      handlers: REQUEST_HANDLERS,
      model: this.model,
      fanout: this.fanout,
      state: this.state,
      logger: this.logger,
    });
  }

  static async start(options: TServerSimulatorOptions): Promise<TServerSimulator> {
    const simulator = new TServerSimulator(options);
    try {
      await simulator.listen(options);
    } catch (error) {
      await simulator.close();
      throw error;
    }
    return simulator;
  }

  get primaryPort(): number {
    return this.endpointNamed('primary').port;
  }

  get backupPort(): number {
    return this.endpointNamed('backup').port;
  }

  get controlPort(): number | undefined {
    return this.control?.port;
  }

  /** The SIP side's UDP port; undefined without `sip`. */
  get sipPort(): number | undefined {
    return this.sip?.port;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.model.close();
    for (const session of this.sessions.values()) session.connection.destroy('simulator closing');
    this.sessions.clear();
    await Promise.all([
      ...this.endpoints.map((endpoint) => endpoint.close()),
      this.control?.close(),
      this.sip?.close(),
    ]);
  }

  injectCall(input: InjectCallInput): { connId: string; callUuid: string } {
    const call = this.model.control.injectInbound({
      ani: input.ani,
      destination: input.destination,
      ...(input.dnis !== undefined ? { dnis: input.dnis } : {}),
      ...(input.userData !== undefined ? { userData: KVList.from(flatUserDataToKV(input.userData)) } : {}),
    });
    return { connId: call.connId, callUuid: call.callUuid };
  }

  externalAnswer(connId: string): void {
    this.model.control.externalAnswer(connId);
  }

  externalHangup(connId: string): void {
    this.model.control.externalHangup(connId);
  }

  externalSendDtmf(connId: string, digits: string): void {
    this.model.control.externalSendDtmf(connId, digits);
  }

  setLink(up: boolean): void {
    if (this.state.linkUp === up) return;
    this.state.linkUp = up;
    this.logger.info({ up }, 'CTI link to the switch changed');
    for (const session of this.sessions.values()) {
      if (session.registered) session.send(this.unsolicited(linkStateEvent(up)));
    }
  }

  switchover(): void {
    const [oldPrimary, oldBackup] = [this.endpointNamed('primary', 'role'), this.endpointNamed('backup', 'role')];
    oldPrimary.role = 'backup';
    oldBackup.role = 'primary';
    this.logger.info({ primaryPort: oldBackup.port, backupPort: oldPrimary.port }, 'switchover');
    for (const session of [...this.sessions.values()]) {
      if (session.endpoint === oldPrimary) {
        session.connection.destroy('switchover: this server is now the backup');
      } else if (session.registered) {
        session.send({
          name: 'EventServerInfo',
          attributes: {
            ...this.unsolicited('EventServerInfo').attributes,
            ServerRole: ServerRole.Primary,
            ServerVersion: this.state.serverVersion,
          },
        });
        session.send(this.unsolicited(linkStateEvent(this.state.linkUp)));
      }
    }
  }

  fault(clientId: string, fault: ClientFault): void {
    const session = this.sessions.get(clientId);
    if (session === undefined) throw new UnknownClientError(clientId);
    this.logger.info({ client: clientId, fault }, 'injecting fault');
    if (fault === 'drop') session.connection.destroy('fault injected: drop');
    else if (fault === 'stop-addp') session.stopAddp();
    else session.connection.sendRaw(CORRUPT_FRAME);
  }

  clients(): ClientInfo[] {
    return [...this.sessions.values()].map((session) => ({
      id: session.id,
      applicationName: session.applicationName ?? '',
      endpoint: session.role,
      remote: session.connection.remote,
      registeredDns: [...session.registeredDns.keys()],
    }));
  }

  sipLegs(): SipLegInfo[] {
    return this.sip?.legs() ?? [];
  }

  snapshot(): SimulatorSnapshot {
    const registrants = (dn: string): DnRegistrants => {
      const registeredBy: string[] = [];
      const monitoredBy: string[] = [];
      for (const session of this.sessions.values()) {
        const mode = session.registeredDns.get(dn);
        if (mode === RegisterMode.ModeMonitor) monitoredBy.push(session.id);
        else if (mode !== undefined) registeredBy.push(session.id);
      }
      return { registeredBy, monitoredBy };
    };
    return {
      ...switchSnapshot(this.model, registrants),
      linkUp: this.state.linkUp,
      endpoints: {
        primary: this.endpointNamed('primary', 'role').port,
        backup: this.endpointNamed('backup', 'role').port,
      },
      serverStartTime: this.fanout.serverStartTime,
    };
  }

  private async listen(options: TServerSimulatorOptions): Promise<void> {
    const host = options.host ?? '127.0.0.1';
    await this.sip?.listen();
    const onSocket = (endpoint: TServerEndpoint, socket: Socket): void => this.accept(endpoint, socket);
    const guarding = { logger: this.logger, limits: options };
    for (const [name, port] of [
      ['primary', options.primaryPort],
      ['backup', options.backupPort],
    ] as const) {
      this.endpoints.push(await TServerEndpoint.listen(name, host, port ?? 0, guarding, onSocket));
    }
    if (options.controlPort !== undefined)
      this.control = await startControlServer(this, host, options.controlPort, this.logger);
  }

  private accept(endpoint: TServerEndpoint, socket: Socket): void {
    if (this.closed) {
      socket.destroy();
      return;
    }
    const id = `c${++this.nextClient}`;
    const connection = new FramedConnection<TMessage>({
      socket,
      codec: this.codec,
      name: `tserver-sim ${endpoint.name} ${id}`,
      logger: this.logger,
    });
    const session = new ClientSession(id, endpoint, connection, this.logger, endpoint.guard.admit(connection));
    this.sessions.set(id, session);
    this.logger.info({ client: id, endpoint: endpoint.role, remote: connection.remote }, 'client connected');
    connection.on('message', (message) => this.dispatcher.dispatch(session, message));
    connection.on('close', (reason) => {
      this.sessions.delete(id);
      this.logger.info({ client: id, reason: reason.kind, detail: reason.detail }, 'client link closed');
    });
  }

  /** The endpoint first started as `name`, or (by: 'role') the one that has that role now. */
  private endpointNamed(name: 'primary' | 'backup', by: 'name' | 'role' = 'name'): TServerEndpoint {
    const endpoint = this.endpoints.find((candidate) => candidate[by] === name);
    if (endpoint === undefined) throw new Error(`simulator has no ${name} endpoint (not started?)`);
    return endpoint;
  }

  private unsolicited(name: TMessage['name']): TMessage {
    return { name, attributes: this.fanout.stamp(true) };
  }
}
