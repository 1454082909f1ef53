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
      logLevel: 'info',
    });
  });

  it('names every bad variable', () => {
    expect(() => loadSimulatorConfig({ TSERVER_PORT: 'x', EXTERNAL_ANSWER_DELAY_MS: '-1' })).toThrow(
      SimulatorConfigError,
    );
    expect(() => loadSimulatorConfig({ TSERVER_PORT: '70000' })).toThrow(/TSERVER_PORT/);
  });
});
