import { CallInfoType, KVList, MakeCallType, type TAttributes } from '@gws/tlib';
import { messageSentBy, recordingRequest } from '../testing/recording-request';
import { CallRequests } from './call-requests';

const X = '006e02a9c4b1d001';
const Y = '006e02a9c4b1d002';

const sent = messageSentBy((request) => new CallRequests(request));

describe('CallRequests', () => {
  it('makes a regular call, with Location and UserData only when given', async () => {
    expect(await sent((calls) => calls.makeCall('5001', '5002'))).toEqual({
      name: 'RequestMakeCall',
      attributes: { ThisDN: '5001', OtherDN: '5002', MakeCallType: MakeCallType.Regular },
    });
    expect(
      await sent((calls) =>
        calls.makeCall('5001', '+15550001', {
          makeCallType: MakeCallType.DirectAgent,
          location: 'Site_A',
          userData: { Campaign: 'Spring', Score: 7 },
        }),
      ),
    ).toEqual({
      name: 'RequestMakeCall',
      attributes: {
        ThisDN: '5001',
        OtherDN: '+15550001',
        MakeCallType: MakeCallType.DirectAgent,
        Location: 'Site_A',
        UserData: KVList.from({ Campaign: 'Spring', Score: 7 }),
      },
    });
  });

  it.each([
    ['answer', 'RequestAnswerCall'],
    ['release', 'RequestReleaseCall'],
    ['hold', 'RequestHoldCall'],
    ['retrieve', 'RequestRetrieveCall'],
    ['clearCall', 'RequestClearCall'],
  ] as const)('%s sends %s on the DN and ConnID', async (helper, name) => {
    expect(await sent((calls) => calls[helper]('5001', X))).toEqual({
      name,
      attributes: { ThisDN: '5001', ConnID: X },
    });
  });

  it.each([
    ['initiateTransfer', 'RequestInitiateTransfer'],
    ['initiateConference', 'RequestInitiateConference'],
    ['singleStepTransfer', 'RequestSingleStepTransfer'],
    ['singleStepConference', 'RequestSingleStepConference'],
    ['muteTransfer', 'RequestMuteTransfer'],
  ] as const)('%s sends %s towards OtherDN, with Location and UserData when given', async (helper, name) => {
    expect(await sent((calls) => calls[helper]('5001', X, '5002'))).toEqual({
      name,
      attributes: { ThisDN: '5001', ConnID: X, OtherDN: '5002' },
    });
    expect(
      await sent((calls) => calls[helper]('5001', X, '5002', { location: 'Site_B', userData: { Case: 'A-1' } })),
    ).toEqual({
      name,
      attributes: {
        ThisDN: '5001',
        ConnID: X,
        OtherDN: '5002',
        Location: 'Site_B',
        UserData: KVList.from({ Case: 'A-1' }),
      },
    });
  });

  const twoCalls: [string, (calls: CallRequests) => Promise<unknown>, TAttributes][] = [
    ['RequestCompleteTransfer', (calls) => calls.completeTransfer('5001', X, Y), { TransferConnID: Y }],
    ['RequestCompleteConference', (calls) => calls.completeConference('5001', X, Y), { ConferenceConnID: Y }],
    ['RequestAlternateCall', (calls) => calls.alternateCall('5001', X, Y), { TransferConnID: Y }],
    ['RequestReconnectCall', (calls) => calls.reconnectCall('5001', X, Y), { TransferConnID: Y }],
  ];
  it.each(twoCalls)(
    '%s puts the held call in ConnID and the current one in the other (docs/tlib-wire.md)',
    async (name, send, other) => {
      expect(await sent(send)).toEqual({ name, attributes: { ThisDN: '5001', ConnID: X, ...other } });
    },
  );

  const oneParameter: [string, (calls: CallRequests) => Promise<unknown>, TAttributes][] = [
    ['RequestRedirectCall', (calls) => calls.redirectCall('5001', X, '5003'), { OtherDN: '5003' }],
    ['RequestDeleteFromConference', (calls) => calls.deleteFromConference('5001', X, '5003'), { OtherDN: '5003' }],
    ['RequestSendDTMF', (calls) => calls.sendDtmf('5001', X, '12#'), { DTMFDigits: '12#' }],
    ['RequestQueryCall', (calls) => calls.queryCall('5001', X), { CallInfoType: CallInfoType.PartiesQuery }],
  ];
  it.each(oneParameter)('%s carries its parameter on the call', async (name, send, parameter) => {
    expect(await sent(send)).toEqual({ name, attributes: { ThisDN: '5001', ConnID: X, ...parameter } });
  });

  it('resolves with the direct reply', async () => {
    expect((await new CallRequests(recordingRequest()).hold('5001', X)).name).toBe('EventACK');
  });
});
