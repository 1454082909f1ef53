import { waitFor } from '@gws/testing';
import { FramedConnection, connectSocket } from '@gws/framed-link';
import {
  AddressType,
  ControlMode,
  createTlibCodec,
  RegisterMode,
  TErrorCode,
  tmessage,
  type TMessage,
} from '@gws/tlib';
import { CfgObjectType } from '@gws/confserv';
import { DirectoryIndex } from '@gws/directory';
import { DEFAULT_PROTOCOL_VERSION, TServerSimulator } from '../../tserver-sim/src/simulator';
import { demoDirectory, SimFixture } from './testing/sim-fixture';

/**
 * Both simulators load the same YAML, so every DN and agent login code Configuration Server hands out is one
 * T-Server knows: each served DN registers (EventRegistered), an unknown one is refused with error 59.
 */
describe('Configuration Server and T-Server agree on the directory', () => {
  const fixture = new SimFixture();
  let tserver: TServerSimulator | undefined;
  let link: FramedConnection<TMessage> | undefined;
  afterEach(async () => {
    link?.destroy();
    await tserver?.close();
    await fixture.closeAll();
  });

  it('registers on T-Server every DN Configuration Server serves, and knows every login code', async () => {
    const directory = demoDirectory();
    const confserv = await fixture.simulator({ directory });
    const client = await fixture.client(confserv.port);
    const dns = await client.readObjects(CfgObjectType.DN);
    const logins = await client.readObjects(CfgObjectType.AgentLogin);
    expect(dns).toHaveLength(directory.dns.length);

    const index = new DirectoryIndex(directory);
    expect(logins.map((login) => index.loginByCode.get(login.loginCode)?.dbid)).toEqual(logins.map((l) => l.DBID));
    expect(dns.map((dn) => index.dnByNumber.get(dn.number)?.dbid)).toEqual(dns.map((dn) => dn.DBID));

    tserver = await TServerSimulator.start({ directory });
    const socket = await connectSocket({ host: '127.0.0.1', port: tserver.primaryPort }, 2000);
    const tlink = new FramedConnection<TMessage>({ socket, codec: createTlibCodec(), name: 'test' });
    link = tlink;
    const answers = new Map<number, TMessage>();
    tlink.on('message', (message) => {
      const id = message.attributes.ReferenceID;
      if (id !== undefined) answers.set(id, message);
    });
    tlink.send(
      tmessage('RequestRegisterClient', {
        ApplicationName: 'test',
        ProtocolVersion: DEFAULT_PROTOCOL_VERSION,
        ReferenceID: 1,
      }),
    );
    const numbers = [...dns.map((dn) => dn.number), '9999'];
    numbers.forEach((number, offset) =>
      tlink.send(
        tmessage('RequestRegisterAddress', {
          ThisDN: number,
          RegisterMode: RegisterMode.ModeShare,
          ControlMode: ControlMode.RegisterDefault,
          AddressType: AddressType.DN,
          ReferenceID: 100 + offset,
        }),
      ),
    );
    await waitFor(() => numbers.every((_, offset) => answers.has(100 + offset)));
    const outcome = numbers.map((number, offset) => {
      const answer = answers.get(100 + offset)!;
      return [number, answer.name === 'EventError' ? answer.attributes.ErrorCode : answer.name];
    });
    expect(outcome).toEqual([...dns.map((dn) => [dn.number, 'EventRegistered']), ['9999', TErrorCode.NotConfigured]]);
  });
});
