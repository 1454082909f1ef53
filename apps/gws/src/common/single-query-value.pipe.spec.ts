import type { ArgumentMetadata } from '@nestjs/common';
import { GwsException } from './gws.exception';
import { SingleQueryValuePipe } from './single-query-value.pipe';

describe('SingleQueryValuePipe', () => {
  const pipe = new SingleQueryValuePipe();
  const query = (data?: string): ArgumentMetadata => ({ type: 'query', data });

  it('passes one string or an absent parameter, and leaves bodies and path parameters alone', () => {
    expect(pipe.transform('id,state', query('fields'))).toBe('id,state');
    expect(pipe.transform(undefined, query('fields'))).toBeUndefined();
    expect(pipe.transform({ fields: '*' }, query())).toEqual({ fields: '*' });
    expect(pipe.transform(['a', 'b'], { type: 'body' })).toEqual(['a', 'b']);
    expect(pipe.transform(['a'], { type: 'param', data: 'id' })).toEqual(['a']);
  });

  it('refuses a repeated or structured parameter with statusCode 10, naming it', () => {
    const refusal = (value: unknown, metadata: ArgumentMetadata): unknown => {
      try {
        pipe.transform(value, metadata);
      } catch (error) {
        return error instanceof GwsException ? [error.getStatus(), error.statusCode, error.statusMessage] : error;
      }
      return 'accepted';
    };
    expect(refusal(['a', 'b'], query('fields'))).toEqual([
      400,
      10,
      "Invalid parameter 'fields': give it once, as one comma-separated list",
    ]);
    expect(refusal({ subresources: ['devices', 'calls'] }, query())).toEqual([
      400,
      10,
      "Invalid parameter 'subresources': give it once, as one comma-separated list",
    ]);
    expect(refusal({ a: 'b' }, query('fields'))).toEqual([
      400,
      10,
      "Invalid parameter 'fields': it must be a plain string",
    ]);
  });
});
