import { AddressInfoType, ForwardMode } from '@gws/tlib';
import { messageSentBy } from '../testing/recording-request';
import { DnRequests } from './dn-requests';

const sent = messageSentBy((request) => new DnRequests(request));

describe('DnRequests', () => {
  it('turns DND on and off', async () => {
    expect(await sent((dn) => dn.setDnd('5001', true))).toEqual({
      name: 'RequestSetDNDOn',
      attributes: { ThisDN: '5001' },
    });
    expect(await sent((dn) => dn.setDnd('5001', false))).toEqual({
      name: 'RequestSetDNDOff',
      attributes: { ThisDN: '5001' },
    });
  });

  it('forwards unconditionally unless told another mode, and cancels forwarding', async () => {
    expect(await sent((dn) => dn.forwardSet('5001', '5002'))).toEqual({
      name: 'RequestCallForwardSet',
      attributes: { ThisDN: '5001', OtherDN: '5002', ForwardMode: ForwardMode.Unconditional },
    });
    expect(await sent((dn) => dn.forwardSet('5001', '5002', ForwardMode.OnBusy))).toEqual({
      name: 'RequestCallForwardSet',
      attributes: { ThisDN: '5001', OtherDN: '5002', ForwardMode: ForwardMode.OnBusy },
    });
    expect(await sent((dn) => dn.forwardCancel('5001'))).toEqual({
      name: 'RequestCallForwardCancel',
      attributes: { ThisDN: '5001' },
    });
  });

  it('queries an address', async () => {
    expect(await sent((dn) => dn.queryAddress('5001', AddressInfoType.AgentStatus))).toEqual({
      name: 'RequestQueryAddress',
      attributes: { ThisDN: '5001', AddressInfoType: AddressInfoType.AgentStatus },
    });
  });
});
