import { Writable } from 'node:stream';
import pino from 'pino';
import { NestPinoLogger } from './nest-pino-logger';
import { REDACTED_PATHS } from './pino-logger';

/** A pino logger whose lines land in `lines`, redacting as the node's does. */
function recording(): { logger: pino.Logger; lines: Record<string, unknown>[] } {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
      done();
    },
  });
  return { logger: pino({ level: 'debug', redact: { paths: REDACTED_PATHS, censor: '[redacted]' } }, sink), lines };
}

describe('logging', () => {
  it('redacts every credential a request or response may carry', () => {
    const { logger, lines } = recording();
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
    const line = JSON.stringify(lines);
    for (const secret of secrets) expect(line).not.toContain(secret);
    expect(line.match(/\[redacted\]/g)).toHaveLength(6);
  });

  it("writes Nest's messages with their context, errors with their stack", () => {
    const { logger, lines } = recording();
    const nest = new NestPinoLogger(logger);
    nest.log('listening', 'NestApplication');
    nest.warn('slow', 'GatewayControl');
    nest.error('failed', 'Error: failed\n    at x', 'ExceptionHandler');
    nest.debug({ dn: '5001' }, 'Watcher');
    nest.verbose('not at debug level');
    expect(lines.map(({ level, msg, context, stack, dn }) => ({ level, msg, context, stack, dn }))).toEqual([
      { level: 30, msg: 'listening', context: 'NestApplication', stack: undefined, dn: undefined },
      { level: 40, msg: 'slow', context: 'GatewayControl', stack: undefined, dn: undefined },
      { level: 50, msg: 'failed', context: 'ExceptionHandler', stack: 'Error: failed\n    at x', dn: undefined },
      { level: 20, msg: undefined, context: 'Watcher', stack: undefined, dn: '5001' },
    ]);
  });
});
