import { Writable } from 'node:stream';
import pino, { type LoggerOptions } from 'pino';
import { loadGwsConfig } from '../config/gws-config';
import { loggerOptions } from './logger-options';

describe('loggerOptions', () => {
  it('redacts every credential a request or response may carry', () => {
    const pinoHttp = loggerOptions(loadGwsConfig({})).pinoHttp as LoggerOptions;
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const logger = pino({ redact: pinoHttp.redact }, sink);
    const secrets = [
      'Basic YWdlbnQxOnBhc3N3b3Jk',
      'JSESSIONID=s3cr3t',
      'csrf-1',
      'api-key-1',
      'WORKSPACE_SESSIONID=w1',
    ];
    logger.info({
      req: {
        headers: {
          authorization: secrets[0],
          cookie: secrets[1],
          'x-csrf-token': secrets[2],
          'x-api-key': secrets[3],
        },
      },
      res: { headers: { 'set-cookie': secrets[4], 'x-csrf-token': secrets[2] } },
    });
    const line = lines.join('');
    for (const secret of secrets) expect(line).not.toContain(secret);
    expect(line.match(/\[redacted\]/g)).toHaveLength(6);
  });
});
