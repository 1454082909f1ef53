import { internalUrlOf } from './node-heartbeat';

describe('internalUrlOf', () => {
  it('is the configured URL, with the port the server got when port 0 was asked for', () => {
    expect(internalUrlOf('http://10.0.0.7:8080', 8080)).toBe('http://10.0.0.7:8080');
    expect(internalUrlOf('http://127.0.0.1:0', 41234)).toBe('http://127.0.0.1:41234');
    expect(internalUrlOf('http://127.0.0.1:0', undefined)).toBe('http://127.0.0.1:0');
    expect(internalUrlOf('https://gws-1.internal', 443)).toBe('https://gws-1.internal');
  });
});
