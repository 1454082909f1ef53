import { GwsException } from '../../common/gws.exception';
import { DestinationDataDto, UserDataDataDto, VoiceDataDto } from '../voice/dto/call-data.dto';
import { v3Data } from './v3-body';

async function refused(run: Promise<unknown>): Promise<[number, string]> {
  try {
    await run;
  } catch (error) {
    if (error instanceof GwsException) return [error.statusCode, error.statusMessage];
    throw error;
  }
  throw new Error('not refused');
}

describe('v3Data', () => {
  it('reads `data`, a bodiless request as empty, and a null field as absent', async () => {
    expect(await v3Data(VoiceDataDto, undefined, 'answer')).toEqual({});
    expect(await v3Data(VoiceDataDto, { data: {} }, 'answer')).toEqual({});
    const leg = await v3Data(DestinationDataDto, { data: { destination: '5002', location: null } }, 'make-call');
    expect(leg).toEqual({ destination: '5002' });
    expect(leg).toBeInstanceOf(DestinationDataDto);
  });

  it('refuses with the codes of the v2 operation table, naming the field under data', async () => {
    expect(await refused(v3Data(DestinationDataDto, { data: {} }, 'make-call'))).toEqual([
      1,
      "Missing required parameter 'data.destination' for make-call",
    ]);
    expect(await refused(v3Data(UserDataDataDto, { data: {} }, 'attach-user-data'))).toEqual([
      1,
      "Missing required parameter 'data.userData' for attach-user-data",
    ]);
    expect(await refused(v3Data(VoiceDataDto, { data: { colour: 'red' } }, 'hold'))).toEqual([
      10,
      "Unknown parameter 'data.colour' for hold",
    ]);
    expect(await refused(v3Data(VoiceDataDto, { data: {}, extra: 1 }, 'hold'))).toEqual([
      10,
      "Unknown parameter 'extra' for hold",
    ]);
    expect(await refused(v3Data(VoiceDataDto, { data: [] }, 'hold'))).toEqual([
      10,
      "Invalid parameter 'data' for hold: it must be an object",
    ]);
    expect((await refused(v3Data(VoiceDataDto, JSON.parse('{"data":{"__proto__":{}}}'), 'hold')))[1]).toMatch(
      /'__proto__' is not allowed/,
    );
  });

  it('lets through the top-level fields an operation names', async () => {
    expect(await v3Data(VoiceDataDto, { data: {}, reasonCode: 'Lunch' }, 'not-ready', ['reasonCode'])).toEqual({});
  });
});
