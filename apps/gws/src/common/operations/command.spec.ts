import { Equals, IsString } from 'class-validator';
import { commandTable, dtosOf, noParams, v2Operations, type Command } from './command';
import { OperationTable } from './operation-table';
import { plainOperation } from './plain-operation.dto';

class GreetDto {
  @Equals('Greet')
  readonly operationName!: 'Greet';

  @IsString()
  readonly name!: string;
}

const WaveDto = plainOperation('Wave');

const COMMANDS = commandTable({
  Wave: { dto: WaveDto, params: noParams },
  Greet: { dto: GreetDto, params: (body: GreetDto) => ({ who: body.name }) },
});

describe('command tables', () => {
  it('name each definition after its key and list the DTOs in order', () => {
    expect(COMMANDS.Wave.name).toBe('Wave');
    expect(COMMANDS.Greet.name).toBe('Greet');
    expect(dtosOf(COMMANDS)).toEqual([WaveDto, GreetDto]);
  });

  it('run a command with the parameters its validated v2 body gives, once per request', async () => {
    const runs: [string, string, unknown][] = [];
    const table = new OperationTable<string>(
      '/things',
      v2Operations(COMMANDS, (context: string, command: Command, params) => {
        runs.push([context, command.name, params]);
        return Promise.resolve();
      }),
    );
    await table.execute('alice', { operationName: 'Greet', name: 'Bob' });
    await table.execute('bob', { operationName: 'Wave' });
    expect(runs).toEqual([
      ['alice', 'Greet', { who: 'Bob' }],
      ['bob', 'Wave', {}],
    ]);
    await expect(table.execute('carol', { operationName: 'Greet' })).rejects.toMatchObject({ statusCode: 10 });
    expect(runs).toHaveLength(2);
  });
});
