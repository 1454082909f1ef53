import { InvalidOptionError } from '@gws/framed-link';
import { CfgAppType } from '../protocol/cfg-enums';
import { ConfServClient } from './confserv-client';
import {
  DEFAULT_CONFSERV_CLIENT_OPTIONS,
  resolveConfServClientOptions,
  type ConfServClientOptions,
} from './confserv-client-options';

const minimal: ConfServClientOptions = {
  endpoints: [{ host: '127.0.0.1', port: 5000 }],
  applicationName: 'GWS_Cluster',
  applicationType: CfgAppType.ThirdPartyServer,
};

describe('ConfServClient options', () => {
  it('fills every default from DEFAULT_CONFSERV_CLIENT_OPTIONS and keeps what was given', () => {
    const resolved = resolveConfServClientOptions({ ...minimal, addpTimeoutMs: 4000, password: 'pw' });
    expect(resolved).toMatchObject({ ...DEFAULT_CONFSERV_CLIENT_OPTIONS, addpTimeoutMs: 4000, password: 'pw' });
    expect([resolved.requestTimeoutMs, resolved.connectTimeoutMs]).toEqual([5000, 3000]);
    expect(resolved.userName).toBeUndefined();
  });

  it('refuses a client without an endpoint, naming the option', () => {
    expect(() => new ConfServClient({ ...minimal, endpoints: [] })).toThrow(InvalidOptionError);
    expect(() => resolveConfServClientOptions({ ...minimal, endpoints: [] })).toThrow(
      'invalid ConfServClient option endpoints: [] (at least one endpoint { host, port })',
    );
  });

  it.each<[Partial<ConfServClientOptions>, string]>([
    [
      {
        endpoints: [
          { host: '127.0.0.1', port: 5000 },
          { host: '', port: 5001 },
        ],
      },
      'endpoints.1',
    ],
    [{ endpoints: [{ host: '127.0.0.1', port: 0 }] }, 'endpoints.0.port'],
    [{ applicationType: 9999 as CfgAppType }, 'applicationType'],
    [{ requestTimeoutMs: 0 }, 'requestTimeoutMs'],
    [{ addpTimeoutMs: 1.5 }, 'addpTimeoutMs'],
    [{ retryStrategy: 20 as never }, 'retryStrategy'],
  ])('names the offending option %#', (bad, option) => {
    expect(() => resolveConfServClientOptions({ ...minimal, ...bad })).toThrow(`ConfServClient option ${option}:`);
  });
});
