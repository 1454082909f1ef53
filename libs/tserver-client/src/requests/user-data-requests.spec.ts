import { KVList, type TAttributes } from '@gws/tlib';
import { messageSentBy } from '../testing/recording-request';
import { UserDataRequests } from './user-data-requests';

const X = '006e02a9c4b1d001';

const sent = messageSentBy((request) => new UserDataRequests(request));

describe('UserDataRequests', () => {
  const cases: [string, string, (userData: UserDataRequests) => Promise<unknown>, TAttributes][] = [
    [
      'appends pairs',
      'RequestAttachUserData',
      (userData) => userData.attach('5001', X, { Segment: 'Gold', Score: 7 }),
      { ConnID: X, UserData: KVList.from({ Segment: 'Gold', Score: 7 }) },
    ],
    [
      'replaces keys',
      'RequestUpdateUserData',
      (userData) => userData.update('5001', X, { Segment: 'Platinum' }),
      { ConnID: X, UserData: KVList.from({ Segment: 'Platinum' }) },
    ],
    [
      'deletes a key',
      'RequestDeletePair',
      (userData) => userData.deletePair('5001', X, 'Segment'),
      { ConnID: X, DataKey: 'Segment' },
    ],
    ['deletes all', 'RequestDeleteUserData', (userData) => userData.deleteAll('5001', X), { ConnID: X }],
    [
      'distributes a user event',
      'RequestDistributeUserEvent',
      (userData) => userData.distributeUserEvent('5001', { Note: 'hi' }),
      { UserData: KVList.from({ Note: 'hi' }) },
    ],
    [
      'distributes a user event on a call',
      'RequestDistributeUserEvent',
      (userData) => userData.distributeUserEvent('5001', { Note: 'hi' }, X),
      { UserData: KVList.from({ Note: 'hi' }), ConnID: X },
    ],
  ];
  it.each(cases)('%s with %s', async (_, name, send, attributes) => {
    expect(await sent(send)).toEqual({ name, attributes: { ThisDN: '5001', ...attributes } });
  });
});
