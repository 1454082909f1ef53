import type { TServerClient } from '@gws/tserver-client';
import type { CallStateChangeMessage } from '../../notifications';
import { ResourceUrls } from '../resource-urls';
import { SessionNotifier } from '../session-notifier';
import { StandbyOutbox } from '../standby/standby-outbox';
import { voiceDevice } from '../testing/voice-fixtures';
import type { UserNotifier } from '../user-notifier';
import type { VoiceSession } from '../voice-session';
import { CallEventsService } from './call-events.service';
import { CallNotifications } from './call-notifications';
import { CallTable } from './model/call-table';

describe('CallEventsService on a session that stands by', () => {
  /**
   * A shadow session of DN 5001: what it would announce goes to its outbox. Neither the user's stream (a shadow
   * sends nothing) nor T-Server (the re-syncs below list no call to query) is reached.
   */
  function shadow(): { session: VoiceSession; outbox: StandbyOutbox; events: CallEventsService } {
    const outbox = new StandbyOutbox(15_000);
    const session: VoiceSession = {
      userId: 'u1',
      userName: 'agent1',
      placeName: 'Place_5001',
      loginCode: '1001',
      queue: undefined,
      urls: new ResourceUrls('http://gws.test'),
      devices: new Map([['5001', voiceDevice()]]),
      calls: new CallTable(() => 0),
      standby: outbox,
    };
    const unreached = {} as TServerClient & UserNotifier;
    const events = new CallEventsService(unreached, new CallNotifications(new SessionNotifier(unreached)));
    return { session, outbox, events };
  }

  const ringing = {
    name: 'EventRinging' as const,
    attributes: {
      ThisDN: '5001',
      ConnID: '0000000000000001',
      CallUUID: 'UUID-1',
      CallType: 2,
      OtherDN: '+15550100',
      EventSequenceNumber: 42,
      ServerStartTime: 1_700_000_000,
    },
  };

  it('holds a call event that waited for the DN’s registration with that event’s origin', async () => {
    // The standby's ModeMonitor registration is in flight (the DN is suspended) when the call rings.
    const { session, outbox, events } = shadow();
    session.calls.suspend('5001');
    events.onEvent(session, ringing, {});
    expect(outbox.size).toBe(0);

    await events.resync(session, '5001', undefined);
    expect(session.calls.suspension('5001')).toBeUndefined();
    // Held as the event it reports: the holder's mark decides whether a takeover announces it.
    const pending = outbox.pendingAfter({ origin: '1700000000:41', count: 1 }).notifications;
    expect(pending.map((held) => [(held.data as CallStateChangeMessage).call.state, held.origin.key])).toEqual([
      ['Ringing', '1700000000:42'],
    ]);
    expect(outbox.pendingAfter({ origin: '1700000000:42', count: 1 }).notifications).toEqual([]);
  });
});
