import { readFileSync } from 'node:fs';
import { demoDirectoryFile, loadDirectory } from '@gws/directory';
import { AgentWorkMode } from '@gws/tlib';
import { SimulatorFixture } from './testing/simulator-fixture';

describe('T-Server simulator: demo directory after-call work (fake timers)', () => {
  const fixture = new SimulatorFixture();
  afterEach(async () => {
    jest.useRealTimers();
    await fixture.teardown();
  });

  it('keeps agent11 in AfterCallWork for its 10 s wrap-up, then makes it Ready', async () => {
    // Only timers are faked: sockets run on libuv, so the links keep working while the clock is driven by hand.
    jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask', 'Date', 'performance', 'hrtime'] });
    const file = demoDirectoryFile();
    const sim = await fixture.start({ directory: loadDirectory(readFileSync(file, 'utf8'), file) });
    const client = await fixture.clientFor(sim, '5011');
    await client.request('RequestAgentLogin', { ThisDN: '5011', AgentID: '1011', AgentWorkMode: AgentWorkMode.AutoIn });
    const { connId } = sim.injectCall({ ani: '+15550001', destination: '7001' });
    await client.expectEvents('5011', ['EventAgentLogin', 'EventAgentReady', 'EventRinging']);
    await client.request('RequestAnswerCall', { ThisDN: '5011', ConnID: connId });
    await client.request('RequestReleaseCall', { ThisDN: '5011', ConnID: connId });
    const [, , acw] = await client.expectEvents('5011', ['EventEstablished', 'EventReleased', 'EventAgentNotReady']);
    expect(acw?.attributes.AgentWorkMode).toBe(AgentWorkMode.AfterCallWork);
    jest.advanceTimersByTime(9_999);
    await client.expectReply('RequestQueryServer', {}, 'EventServerInfo');
    expect(client.pendingEvents('5011')).toEqual([]);
    jest.advanceTimersByTime(1);
    const [ready] = await client.expectEvents('5011', ['EventAgentReady']);
    expect(ready?.attributes).toMatchObject({ AgentID: '1011', AgentWorkMode: AgentWorkMode.AutoIn });
  });
});
