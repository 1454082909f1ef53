import { Type } from 'class-transformer';
import { Equals, IsDefined, IsNotEmpty, IsObject, IsOptional, IsString, ValidateNested } from 'class-validator';
import { GwsException } from '../gws.exception';
import { operation, OperationTable } from './operation-table';

class TargetDto {
  @IsString()
  @IsNotEmpty()
  readonly phoneNumber!: string;
}

class CallDto {
  @Equals('Call')
  readonly operationName!: 'Call';

  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => TargetDto)
  readonly destination!: TargetDto;

  @IsOptional()
  @IsString()
  readonly location?: string;

  @IsOptional()
  @IsObject()
  readonly userData?: Record<string, string>;
}

class TagDto {
  @Equals('Tag')
  readonly operationName!: 'Tag';

  @IsDefined()
  @IsObject()
  readonly userData!: Record<string, string>;
}

describe('OperationTable.parse', () => {
  const table = new OperationTable<void>('/things', {
    Call: operation(CallDto, () => Promise.resolve()),
    Tag: operation(TagDto, () => Promise.resolve()),
  });

  /** `[statusCode, statusMessage]` of the refusal, or the params when accepted. */
  async function outcome(body: unknown): Promise<unknown> {
    try {
      return (await table.parse(body)).params;
    } catch (error) {
      if (error instanceof GwsException) return [error.statusCode, error.statusMessage];
      throw error;
    }
  }
  const raw = (json: string): Promise<unknown> => outcome(JSON.parse(json));

  it('refuses a body nested deeper than 32 levels, operationName included, with 10', async () => {
    const deep = `${'['.repeat(10_000)}${']'.repeat(10_000)}`;
    const tooDeep = [10, 'Request body is nested deeper than 32 levels'];
    expect(await raw(`{"operationName":${deep}}`)).toEqual(tooDeep);
    expect(await raw(`{"operationName":"Call","destination":{"phoneNumber":"1"},"userData":{"a":${deep}}}`)).toEqual(
      tooDeep,
    );
  });

  it('refuses an operationName that is not a string without echoing it', async () => {
    expect(await outcome({ operationName: [[['x']]] })).toEqual([
      10,
      "Invalid parameter 'operationName' for /things: it must be a string; allowed: Call, Tag",
    ]);
    expect(await outcome({ operationName: 'Dance' })).toEqual([
      10,
      'Unknown operationName "Dance" for /things; allowed: Call, Tag',
    ]);
  });

  it.each(['__proto__', 'constructor', 'prototype'])(
    'refuses a %s key at any level with 10 naming it, before class-transformer sees it',
    async (key) => {
      expect(await raw(`{"operationName":"Tag","userData":{"${key}":{"prototype":{"polluted":"yes"}}}}`)).toEqual([
        10,
        `Invalid parameter 'userData.${key}' for Tag: '${key}' is not allowed as a key`,
      ]);
      expect(await raw(`{"operationName":"Call","destination":{"phoneNumber":"1","${key}":"x"}}`)).toEqual([
        10,
        `Invalid parameter 'destination.${key}' for Call: '${key}' is not allowed as a key`,
      ]);
      expect(await raw(`{"${key}":{"polluted":"yes"}}`)).toEqual([
        10,
        `Invalid parameter '${key}': '${key}' is not allowed as a key`,
      ]);
      expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    },
  );

  it('takes a parameter given as null as absent: optional ones are dropped, required ones missing', async () => {
    const params = await outcome({
      operationName: 'Call',
      destination: { phoneNumber: '5002' },
      location: null,
      userData: null,
    });
    expect(params).toBeInstanceOf(CallDto);
    expect(params).toEqual({ operationName: 'Call', destination: { phoneNumber: '5002' } });
    expect(Object.keys(params as object)).not.toContain('userData');
    expect(await outcome({ operationName: 'Tag', userData: null })).toEqual([
      1,
      "Missing required parameter 'userData' for Tag",
    ]);
    expect(await outcome({ operationName: 'Call', destination: null })).toEqual([
      1,
      "Missing required parameter 'destination' for Call",
    ]);
    expect(await outcome({ operationName: 'Call', destination: { phoneNumber: null } })).toEqual([
      1,
      "Missing required parameter 'destination.phoneNumber' for Call",
    ]);
    expect(await outcome({ operationName: null })).toEqual([1, "Missing required parameter 'operationName'"]);
  });

  it('still refuses an unknown parameter given as null', async () => {
    expect(await outcome({ operationName: 'Tag', userData: { a: 'b' }, colour: null })).toEqual([
      10,
      "Unknown parameter 'colour' for Tag",
    ]);
  });
});
