import { answerHeaders, forwardedHeaders, withSessionCookie } from './forwarded-request';

describe('forwardedHeaders', () => {
  it('passes on what the owner needs, marks the request and names the client', () => {
    const body = Buffer.from('{"operationName":"Ready"}');
    const headers = forwardedHeaders(
      {
        headers: {
          host: 'gws.example.com',
          cookie: 'JSESSIONID=s1; theme=dark',
          authorization: 'Basic YTpi',
          'content-type': 'application/json',
          'x-csrf-token': 't1',
          'x-forwarded-for': '203.0.113.9',
          origin: 'http://elsewhere.example.com',
          connection: 'keep-alive',
        },
        remoteAddress: '10.0.0.5',
        sessionId: 's1',
      },
      'node-b',
      body,
    );
    expect(headers).toEqual({
      host: 'gws.example.com',
      cookie: 'theme=dark; JSESSIONID=s1',
      authorization: 'Basic YTpi',
      'content-type': 'application/json',
      'x-csrf-token': 't1',
      'x-forwarded-for': '203.0.113.9, 10.0.0.5',
      'x-gws-forwarded-by': 'node-b',
      'content-length': body.length,
    });
  });

  it('a GET with no body says so', () => {
    const headers = forwardedHeaders({ headers: {}, remoteAddress: undefined, sessionId: 's2' }, 'b', undefined);
    expect(headers).toEqual({ cookie: 'JSESSIONID=s2', 'x-gws-forwarded-by': 'b', 'content-length': 0 });
  });
});

describe('withSessionCookie', () => {
  it('sets the session this node authenticated, replacing any other', () => {
    expect(withSessionCookie(undefined, 's1')).toBe('JSESSIONID=s1');
    expect(withSessionCookie('JSESSIONID=old', 's1')).toBe('JSESSIONID=s1');
    expect(withSessionCookie('a=1;JSESSIONID=old; b=x=y', 's1')).toBe('a=1; b=x=y; JSESSIONID=s1');
  });
});

describe('answerHeaders', () => {
  it('keeps every cookie and drops what belongs to the connection between the nodes', () => {
    const headers = answerHeaders({
      'content-type': 'application/json; charset=utf-8',
      'set-cookie': ['JSESSIONID=; Max-Age=0', 'other=1'],
      'x-csrf-token': 't1',
      'content-length': '12',
      connection: 'keep-alive',
      'transfer-encoding': 'chunked',
      date: 'Mon, 01 Jan 2024 00:00:00 GMT',
    });
    expect([...new Set(headers.keys())].sort()).toEqual(['content-type', 'set-cookie', 'x-csrf-token']);
    expect(headers.getSetCookie()).toEqual(['JSESSIONID=; Max-Age=0', 'other=1']);
  });
});
