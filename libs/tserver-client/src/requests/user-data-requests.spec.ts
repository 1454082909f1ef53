import { KVList } from '@gws/tlib';
import { messageSentBy } from '../testing/recording-request';
import { UserDataRequests } from './user-data-requests';

const X = '006e02a9c4b1d001';

const sent = messageSentBy((request) => new UserDataRequests(request));

describe('UserDataRequests', () => {
  it('attaches and updates pairs as a KVList', async () => {
    expect(await sent((userData) => userData.attach('5001', X, { Segment: 'Gold', Score: 7 }))).toEqual({
      name: 'RequestAttachUserData',
      attributes: { ThisDN: '5001', ConnID: X, UserData: KVList.from({ Segment: 'Gold', Score: 7 }) },
    });
    expect(await sent((userData) => userData.update('5001', X, { Segment: 'Platinum' }))).toEqual({
      name: 'RequestUpdateUserData',
      attributes: { ThisDN: '5001', ConnID: X, UserData: KVList.from({ Segment: 'Platinum' }) },
    });
  });

  it('deletes one key or all user data', async () => {
    expect(await sent((userData) => userData.deletePair('5001', X, 'Segment'))).toEqual({
      name: 'RequestDeletePair',
      attributes: { ThisDN: '5001', ConnID: X, DataKey: 'Segment' },
    });
    expect(await sent((userData) => userData.deleteAll('5001', X))).toEqual({
      name: 'RequestDeleteUserData',
      attributes: { ThisDN: '5001', ConnID: X },
    });
  });

  it('distributes a user event, on a call only when given one', async () => {
    expect(await sent((userData) => userData.distributeUserEvent('5001', { Note: 'hi' }))).toEqual({
      name: 'RequestDistributeUserEvent',
      attributes: { ThisDN: '5001', UserData: KVList.from({ Note: 'hi' }) },
    });
    expect(await sent((userData) => userData.distributeUserEvent('5001', { Note: 'hi' }, X))).toEqual({
      name: 'RequestDistributeUserEvent',
      attributes: { ThisDN: '5001', UserData: KVList.from({ Note: 'hi' }), ConnID: X },
    });
  });
});
