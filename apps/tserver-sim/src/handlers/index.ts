import type { HandlerTable } from '../link/request-context';
import { agentHandlers } from './agent.handlers';
import { callControlHandlers } from './call-control.handlers';
import { queryHandlers } from './query.handlers';
import { registrationHandlers } from './registration.handlers';
import { transferConferenceHandlers } from './transfer-conference.handlers';
import { userDataHandlers } from './user-data.handlers';

/** Request name -> handler. A request missing here gets EventError 51. */
export const REQUEST_HANDLERS: HandlerTable = {
  ...registrationHandlers,
  ...agentHandlers,
  ...callControlHandlers,
  ...transferConferenceHandlers,
  ...userDataHandlers,
  ...queryHandlers,
};
