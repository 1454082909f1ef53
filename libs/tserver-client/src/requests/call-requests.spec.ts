import { KVList, MakeCallType } from '@gws/tlib';
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

  it('puts the held call in ConnID and the current one in TransferConnID / ConferenceConnID (docs/tlib-wire.md)', async () => {
    expect(await sent((calls) => calls.completeTransfer('5001', X, Y))).toEqual({
      name: 'RequestCompleteTransfer',
      attributes: { ThisDN: '5001', ConnID: X, TransferConnID: Y },
    });
    expect(await sent((calls) => calls.completeConference('5001', X, Y))).toEqual({
      name: 'RequestCompleteConference',
      attributes: { ThisDN: '5001', ConnID: X, ConferenceConnID: Y },
    });
    expect(await sent((calls) => calls.alternateCall('5001', X, Y))).toEqual({
      name: 'RequestAlternateCall',
      attributes: { ThisDN: '5001', ConnID: X, TransferConnID: Y },
    });
    expect(await sent((calls) => calls.reconnectCall('5001', X, Y))).toEqual({
      name: 'RequestReconnectCall',
      attributes: { ThisDN: '5001', ConnID: X, TransferConnID: Y },
    });
  });

  it('redirects, removes a conference party, sends DTMF and queries the parties', async () => {
    expect(await sent((calls) => calls.redirectCall('5001', X, '5003'))).toEqual({
      name: 'RequestRedirectCall',
      attributes: { ThisDN: '5001', ConnID: X, OtherDN: '5003' },
    });
    expect(await sent((calls) => calls.deleteFromConference('5001', X, '5003'))).toEqual({
      name: 'RequestDeleteFromConference',
      attributes: { ThisDN: '5001', ConnID: X, OtherDN: '5003' },
    });
    expect(await sent((calls) => calls.sendDtmf('5001', X, '12#'))).toEqual({
      name: 'RequestSendDTMF',
      attributes: { ThisDN: '5001', ConnID: X, DTMFDigits: '12#' },
    });
    expect(await sent((calls) => calls.queryCall('5001', X))).toMatchObject({
      name: 'RequestQueryCall',
      attributes: { ThisDN: '5001', ConnID: X },
    });
  });

  it('resolves with the direct reply', async () => {
    expect((await new CallRequests(recordingRequest()).hold('5001', X)).name).toBe('EventACK');
  });
});
