import { clearedFields, linkEndpoints, nextStatus, type LinkStatusChange } from './link-status';

interface WithRole extends LinkStatusChange {
  readonly role: 'primary' | 'backup' | undefined;
}

const primary = { which: 'primary', host: 'ts1', port: 7000 } as const;
const start: WithRole = { status: 'disconnected', previous: 'disconnected', endpoint: undefined, role: undefined };

describe('link status records', () => {
  it('carries the endpoint and the client fields over, and drops reason and error', () => {
    const down = nextStatus(start, 'disconnected', { error: new Error('refused') });
    const connecting = nextStatus(down, 'connecting', { endpoint: primary });
    const connected = nextStatus(connecting, 'connected', { role: 'backup' });
    expect(down.error?.message).toBe('refused');
    expect(connecting).toEqual({ status: 'connecting', previous: 'disconnected', endpoint: primary, role: undefined });
    expect(connected).toEqual({ status: 'connected', previous: 'connecting', endpoint: primary, role: 'backup' });
    expect(Object.keys(connecting)).not.toContain('error');
  });

  it('clears the endpoint and the client fields with an explicit undefined', () => {
    const connected: WithRole = { ...start, status: 'connected', endpoint: primary, role: 'primary' };
    const reason = { kind: 'remote-closed', detail: 'peer closed the connection' } as const;
    expect(clearedFields(start)).toEqual({ endpoint: undefined, role: undefined });
    expect(nextStatus(connected, 'disconnected', { ...clearedFields(start), reason })).toEqual({
      status: 'disconnected',
      previous: 'connected',
      endpoint: undefined,
      role: undefined,
      reason,
    });
  });

  it('names the first endpoint primary and every other a backup', () => {
    expect(
      linkEndpoints([
        { host: 'a', port: 1 },
        { host: 'b', port: 2 },
      ]).map((e) => e.which),
    ).toEqual(['primary', 'backup']);
  });
});
