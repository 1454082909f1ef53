import { InvalidOptionError } from '@gws/framed-link';
import { DEFAULT_TSERVER_CLIENT_OPTIONS, resolveOptions, type TServerClientOptions } from './options';
import { TServerClient } from './tserver-client';

const valid: TServerClientOptions = {
  endpoints: { primary: { host: '127.0.0.1', port: 7000 } },
  applicationName: 'gws',
};

describe('TServerClient options', () => {
  it('applies the documented defaults', () => {
    const resolved = resolveOptions(valid);
    expect(resolved).toMatchObject(DEFAULT_TSERVER_CLIENT_OPTIONS);
    expect(resolved.protocolVersion).toBe('tserver protocol 4.2');
    expect(resolved.requestTimeoutMs).toBe(10_000);
    const delays = [1, 2, 3, 20].map((attempt) => resolved.retryStrategy(attempt) ?? -1);
    expect(delays[0]).toBeGreaterThanOrEqual(80);
    expect(delays[0]).toBeLessThanOrEqual(120);
    expect(delays[3]).toBeLessThanOrEqual(5000);
  });

  it.each([
    [{ ...valid, applicationName: '' }, 'applicationName'],
    [{ ...valid, endpoints: { primary: { host: '127.0.0.1', port: 70000 } } }, 'endpoints.primary.port'],
    [{ ...valid, endpoints: { ...valid.endpoints, backup: { host: '', port: 1 } } }, 'endpoints.backup'],
    [{ ...valid, requestTimeoutMs: 0 }, 'requestTimeoutMs'],
    [{ ...valid, addp: { localTimeoutMs: -1, remoteTimeoutMs: 0 } }, 'addp.localTimeoutMs'],
    [{ ...valid, initialReferenceId: 2 ** 31 }, 'initialReferenceId'],
  ])('rejects a bad option with the offending value (%#)', (options, option) => {
    expect(() => new TServerClient(options)).toThrow(InvalidOptionError);
    expect(() => resolveOptions(options)).toThrow(`invalid TServerClient option ${option}:`);
  });
});
