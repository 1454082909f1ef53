import { INT32_MAX } from '@gws/tlib';
import { RequestTimeoutError } from '../errors/request-timeout.error';
import { RequestCorrelator } from './request-correlator';

class LinkGone extends Error {
  constructor(
    readonly requestName: string,
    readonly sent: boolean,
  ) {
    super(`${requestName}: link gone`);
  }
}

function correlator(initialId = 0): RequestCorrelator<string, string[]> {
  return new RequestCorrelator({
    server: 'Test Server',
    initialId,
    linkDown: (requestName, _detail, sent) => new LinkGone(requestName, sent),
  });
}

describe('RequestCorrelator', () => {
  it('hands each request a fresh id, keeps its state until settled, and counts round trips', async () => {
    const requests = correlator();
    const ids: number[] = [];
    const first = requests.request('Read', ['batch'], 1000, (id) => ids.push(id) > 0);
    const second = requests.request('Write', [], 1000, (id) => ids.push(id) > 0);
    expect(ids).toEqual([1, 2]);
    expect(requests.inFlight(1)).toEqual({ name: 'Read', state: ['batch'] });
    expect(requests.settle(2, 'written')).toBe(true);
    expect(requests.settle(1, 'read')).toBe(true);
    await expect(Promise.all([first, second])).resolves.toEqual(['read', 'written']);
    expect(requests.settle(1, 'again')).toBe(false);
    expect([requests.sent, requests.roundTrips, requests.size]).toEqual([2, 1, 0]);
  });

  it('wraps from the int32 maximum to 1, never 0', () => {
    const requests = correlator(INT32_MAX - 1);
    const ids: number[] = [];
    const send = (id: number): boolean => ids.push(id) > 0;
    void requests.request('Old', [], 1000, send).catch(() => undefined);
    void requests.request('Next', [], 1000, send).catch(() => undefined);
    void requests.request('AfterWrap', [], 1000, send).catch(() => undefined);
    expect(ids).toEqual([INT32_MAX, 1, 2]);
    requests.failAll((name) => new Error(name));
  });

  it('times a request out with RequestTimeoutError, after running onTimeout', async () => {
    const requests = correlator();
    const seen: RequestTimeoutError[] = [];
    const failure = await requests
      .request(
        'Slow',
        [],
        20,
        () => true,
        (timeout) => seen.push(timeout),
      )
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(RequestTimeoutError);
    expect(failure).toMatchObject({ requestName: 'Slow', requestId: 1, timeoutMs: 20, retriable: false });
    expect(seen).toEqual([failure]);
    expect(requests.inFlight(1)).toBeUndefined();
  });

  it("fails with the client's link-down error: unsent when the link is gone, sent when it is lost", async () => {
    const requests = correlator();
    await expect(requests.request('Unsent', [], 1000, () => false)).rejects.toMatchObject({ sent: false });
    const lost = requests.request('Lost', [], 1000, () => true);
    requests.linkLost({ kind: 'remote-closed', detail: 'peer closed the connection' });
    await expect(lost).rejects.toMatchObject({ requestName: 'Lost', sent: true });
    expect(requests.size).toBe(0);
  });
});
