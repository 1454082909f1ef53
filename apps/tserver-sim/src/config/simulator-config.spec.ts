import { loadSimulatorConfig, SimulatorConfigError } from './simulator-config';

describe('loadSimulatorConfig', () => {
  it('applies the documented defaults', () => {
    expect(loadSimulatorConfig({})).toEqual({
      host: '127.0.0.1',
      primaryPort: 5025,
      backupPort: 5026,
      controlPort: 8081,
      directoryFile: undefined,
      externalAnswerDelayMs: 1000,
      noAnswerTimeoutMs: 30000,
      maxConnections: 1000,
      registrationTimeoutMs: 10000,
      unregisteredMaxFrameBytes: 65536,
      logLevel: 'info',
      sip: undefined,
    });
  });

  it('turns the SIP side on with SIM_SIP_GATEWAY, with the contract defaults', () => {
    expect(loadSimulatorConfig({ SIM_SIP_GATEWAY: '127.0.0.1:5060' }).sip).toEqual({
      listen: { host: '127.0.0.2', port: 5070 },
      gateway: { host: '127.0.0.1', port: 5060 },
      domain: 'gw.open-gws.test',
      dnPattern: /^5[0-9]{3}$/,
      ctiControl: ['talk', 'hold'],
      inviteTimeoutMs: 32000,
    });
    expect(
      loadSimulatorConfig({
        SIM_SIP_GATEWAY: '127.0.0.1:15060',
        SIM_SIP_LISTEN: '127.0.0.2:0',
        SIM_SIP_DOMAIN: 'sip.example',
        SIM_SIP_DN_PATTERN: '^6[0-9]{3}$',
        SIM_SIP_CTI_CONTROL: 'none',
      }).sip,
    ).toMatchObject({ listen: { port: 0 }, domain: 'sip.example', dnPattern: /^6[0-9]{3}$/, ctiControl: [] });
    expect(
      loadSimulatorConfig({ SIM_SIP_GATEWAY: '127.0.0.1:5060', SIM_SIP_CTI_CONTROL: 'Talk' }).sip?.ctiControl,
    ).toEqual(['talk']);
  });

  it('names every bad SIP variable', () => {
    const bad = {
      SIM_SIP_GATEWAY: '127.0.0.1',
      SIM_SIP_LISTEN: '127.0.0.2:99999',
      SIM_SIP_DN_PATTERN: '^5[',
      SIM_SIP_CTI_CONTROL: 'talk,answer',
    };
    for (const name of Object.keys(bad)) expect(() => loadSimulatorConfig(bad)).toThrow(new RegExp(name));
  });

  it('reads the link limits', () => {
    expect(
      loadSimulatorConfig({
        TSERVER_MAX_CONNECTIONS: '50',
        TSERVER_REGISTRATION_TIMEOUT_MS: '2000',
        TSERVER_UNREGISTERED_MAX_FRAME_BYTES: '4096',
      }),
    ).toMatchObject({ maxConnections: 50, registrationTimeoutMs: 2000, unregisteredMaxFrameBytes: 4096 });
    expect(() => loadSimulatorConfig({ TSERVER_MAX_CONNECTIONS: '0' })).toThrow(/TSERVER_MAX_CONNECTIONS/);
    expect(() => loadSimulatorConfig({ TSERVER_UNREGISTERED_MAX_FRAME_BYTES: '2000000' })).toThrow(
      /TSERVER_UNREGISTERED_MAX_FRAME_BYTES/,
    );
  });

  it('names every bad variable', () => {
    expect(() => loadSimulatorConfig({ TSERVER_PORT: 'x', EXTERNAL_ANSWER_DELAY_MS: '-1' })).toThrow(
      SimulatorConfigError,
    );
    expect(() => loadSimulatorConfig({ TSERVER_PORT: '70000' })).toThrow(/TSERVER_PORT/);
  });
});
