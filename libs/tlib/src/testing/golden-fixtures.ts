import { addpPoll, addpReply } from './fixtures/addp.fixture';
import { eventAck } from './fixtures/event-ack.fixture';
import { eventAttachedDataChanged } from './fixtures/event-attached-data-changed.fixture';
import { eventError } from './fixtures/event-error.fixture';
import { eventEstablished } from './fixtures/event-established.fixture';
import { eventRinging } from './fixtures/event-ringing.fixture';
import { eventServerInfo } from './fixtures/event-server-info.fixture';
import { requestAgentLogin } from './fixtures/request-agent-login.fixture';
import { requestMakeCall } from './fixtures/request-make-call.fixture';
import { requestQueryAddress } from './fixtures/request-query-address.fixture';
import { requestRegisterClient } from './fixtures/request-register-client.fixture';
import type { WireFixture } from './wire-fixture';

/** Every golden frame, in the order of a typical session. */
export const GOLDEN_FIXTURES: readonly WireFixture[] = [
  requestRegisterClient,
  eventServerInfo,
  requestQueryAddress,
  requestAgentLogin,
  eventAck,
  eventError,
  requestMakeCall,
  eventRinging,
  eventEstablished,
  eventAttachedDataChanged,
  addpPoll,
  addpReply,
];
