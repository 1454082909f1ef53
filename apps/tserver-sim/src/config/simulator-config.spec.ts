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
    });
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
