import { KVList, TErrorCode } from '@gws/tlib';
import { SimulatorFixture } from './testing/simulator-fixture';

describe('T-Server simulator: user data and user events', () => {
  const fixture = new SimulatorFixture();
  afterEach(() => fixture.teardown());

  async function talking() {
    const sim = await fixture.start();
    const a = await fixture.clientFor(sim, '5001');
    const b = await fixture.clientFor(sim, '5002');
    const dialing = await a.request('RequestMakeCall', {
      ThisDN: '5001',
      OtherDN: '5002',
      UserData: KVList.from({ Case: '42' }),
    });
    const connId = dialing.attributes.ConnID!;
    await b.request('RequestAnswerCall', { ThisDN: '5002', ConnID: connId });
    await a.expectEvents('5001', ['EventDialing', 'EventEstablished']);
    await b.expectEvents('5002', ['EventRinging', 'EventEstablished']);
    return { sim, a, b, connId };
  }

  it('attaches, updates, deletes a pair and deletes all, telling every party who changed it', async () => {
    const { a, b, connId } = await talking();
    const attached = await a.expectReply(
      'RequestAttachUserData',
      { ThisDN: '5001', ConnID: connId, UserData: KVList.from({ Product: 'Gold', Case: '43' }) },
      'EventAttachedDataChanged',
    );
    expect(attached.attributes.ThirdPartyDN).toBe('5001');
    expect(attached.attributes.UserData?.getAll('Case')).toEqual(['42', '43']);
    const [seenByB] = await b.expectEvents('5002', ['EventAttachedDataChanged']);
    expect(seenByB?.attributes).toMatchObject({ ThirdPartyDN: '5001', ConnID: connId });
    expect(seenByB?.attributes.UserData?.get('Product')).toBe('Gold');

    const updated = await b.expectReply(
      'RequestUpdateUserData',
      { ThisDN: '5002', ConnID: connId, UserData: KVList.from({ Case: '44', Score: 3 }) },
      'EventAttachedDataChanged',
    );
    expect(updated.attributes.UserData?.toObject()).toEqual({ Case: '44', Product: 'Gold', Score: 3 });
    expect(updated.attributes.ThirdPartyDN).toBe('5002');
    await a.expectEvents('5001', ['EventAttachedDataChanged', 'EventAttachedDataChanged']);

    const pairDeleted = await a.expectReply(
      'RequestDeletePair',
      { ThisDN: '5001', ConnID: connId, DataKey: 'Product' },
      'EventAttachedDataChanged',
    );
    expect(pairDeleted.attributes.UserData?.keys()).toEqual(['Case', 'Score']);
    const cleared = await a.expectReply(
      'RequestDeleteUserData',
      { ThisDN: '5001', ConnID: connId },
      'EventAttachedDataChanged',
    );
    expect(cleared.attributes.UserData?.size).toBe(0);
    await b.expectEvents('5002', ['EventAttachedDataChanged', 'EventAttachedDataChanged', 'EventAttachedDataChanged']);
  });

  it('refuses user data over the 16,000-byte cap with 53 and keeps the data as it was', async () => {
    const { sim, a, connId } = await talking();
    const big = KVList.from({ Notes: 'x'.repeat(16_100) });
    const error = await a.expectError(
      'RequestAttachUserData',
      { ThisDN: '5001', ConnID: connId, UserData: big },
      TErrorCode.InvalidAttribute,
    );
    expect(error.attributes.ErrorMessage).toMatch(/UserData too large/);
    expect(sim.snapshot().calls[0]?.userData).toEqual({ Case: '42' });
    await a.expectError('RequestAttachUserData', { ThisDN: '5001', ConnID: 'ffffffffffffffff', UserData: big }, 56);
  });

  it('distributes a user event to the other clients of the DN and acknowledges the sender', async () => {
    const sim = await fixture.start();
    const sender = await fixture.clientFor(sim, '5001');
    const listener = await fixture.clientFor(sim, '5001');
    const bystander = await fixture.clientFor(sim, '5002');
    const ack = await sender.expectReply(
      'RequestDistributeUserEvent',
      { ThisDN: '5001', UserData: KVList.from({ Note: 'hello' }) },
      'EventACK',
    );
    expect(ack.attributes.ThisDN).toBe('5001');
    const [event] = await listener.expectEvents('5001', ['EventUserEvent']);
    expect(event?.attributes.UserData?.get('Note')).toBe('hello');
    expect(event?.attributes.ReferenceID).toBeUndefined();
    expect(sender.pendingEvents('5001')).toEqual([]);
    expect(bystander.pendingEvents('5001')).toEqual([]);
  });
});
