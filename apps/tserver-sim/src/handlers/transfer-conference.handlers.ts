import { readTMessage } from '@gws/tlib';
import type { HandlerTable } from '../link/request-context';

/**
 * Transfer and conference requests. Two-call requests: ConnID is the call acted on, TransferConnID (transfer,
 * alternate, reconnect) or ConferenceConnID (conference) the other one; which one is held decides the roles.
 */
export const transferConferenceHandlers: HandlerTable = {
  RequestInitiateTransfer: {
    scope: 'switch',
    handle(ctx) {
      const { attributes: a } = readTMessage(ctx.request, 'RequestInitiateTransfer');
      ctx.model.transfers.initiate(a.ThisDN, a.ConnID, a.OtherDN, a.UserData);
    },
  },
  RequestInitiateConference: {
    scope: 'switch',
    handle(ctx) {
      const { attributes: a } = readTMessage(ctx.request, 'RequestInitiateConference');
      ctx.model.transfers.initiate(a.ThisDN, a.ConnID, a.OtherDN, a.UserData);
    },
  },
  RequestCompleteTransfer: {
    scope: 'switch',
    handle(ctx) {
      const { attributes: a } = readTMessage(ctx.request, 'RequestCompleteTransfer');
      ctx.model.transfers.completeTransfer(a.ThisDN, a.ConnID, a.TransferConnID);
    },
  },
  RequestCompleteConference: {
    scope: 'switch',
    handle(ctx) {
      const { attributes: a } = readTMessage(ctx.request, 'RequestCompleteConference');
      ctx.model.transfers.completeConference(a.ThisDN, a.ConnID, a.ConferenceConnID);
    },
  },
  RequestAlternateCall: {
    scope: 'switch',
    handle(ctx) {
      const { attributes: a } = readTMessage(ctx.request, 'RequestAlternateCall');
      ctx.model.transfers.alternate(a.ThisDN, a.ConnID, a.TransferConnID);
    },
  },
  RequestReconnectCall: {
    scope: 'switch',
    handle(ctx) {
      const { attributes: a } = readTMessage(ctx.request, 'RequestReconnectCall');
      ctx.model.transfers.reconnect(a.ThisDN, a.ConnID, a.TransferConnID);
    },
  },
  RequestSingleStepTransfer: {
    scope: 'switch',
    handle(ctx) {
      const { attributes: a } = readTMessage(ctx.request, 'RequestSingleStepTransfer');
      ctx.model.transfers.singleStepTransfer(a.ThisDN, a.ConnID, a.OtherDN, a.UserData);
    },
  },
  RequestMuteTransfer: {
    scope: 'switch',
    handle(ctx) {
      const { attributes: a } = readTMessage(ctx.request, 'RequestMuteTransfer');
      ctx.model.transfers.muteTransfer(a.ThisDN, a.ConnID, a.OtherDN, a.UserData);
    },
  },
  RequestSingleStepConference: {
    scope: 'switch',
    handle(ctx) {
      const { attributes: a } = readTMessage(ctx.request, 'RequestSingleStepConference');
      ctx.model.transfers.singleStepConference(a.ThisDN, a.ConnID, a.OtherDN, a.UserData);
    },
  },
  RequestDeleteFromConference: {
    scope: 'switch',
    handle(ctx) {
      const { attributes: a } = readTMessage(ctx.request, 'RequestDeleteFromConference');
      ctx.model.transfers.deleteFromConference(a.ThisDN, a.ConnID, a.OtherDN);
    },
  },
};
