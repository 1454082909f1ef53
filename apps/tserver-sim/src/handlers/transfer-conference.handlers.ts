import { switchHandlers } from '../link/switch-handlers';

/**
 * Transfer and conference requests. Two-call requests: ConnID is the call acted on, TransferConnID (transfer,
 * alternate, reconnect) or ConferenceConnID (conference) the other one; which one is held decides the roles.
 */
export const transferConferenceHandlers = switchHandlers({
  RequestInitiateTransfer: (a, ctx) => ctx.model.transfers.initiate(a.ThisDN, a.ConnID, a.OtherDN, a.UserData),
  RequestInitiateConference: (a, ctx) => ctx.model.transfers.initiate(a.ThisDN, a.ConnID, a.OtherDN, a.UserData),
  RequestCompleteTransfer: (a, ctx) => ctx.model.transfers.completeTransfer(a.ThisDN, a.ConnID, a.TransferConnID),
  RequestCompleteConference: (a, ctx) => ctx.model.transfers.completeConference(a.ThisDN, a.ConnID, a.ConferenceConnID),
  RequestAlternateCall: (a, ctx) => ctx.model.transfers.alternate(a.ThisDN, a.ConnID, a.TransferConnID),
  RequestReconnectCall: (a, ctx) => ctx.model.transfers.reconnect(a.ThisDN, a.ConnID, a.TransferConnID),
  RequestSingleStepTransfer: (a, ctx) =>
    ctx.model.transfers.singleStepTransfer(a.ThisDN, a.ConnID, a.OtherDN, a.UserData),
  RequestMuteTransfer: (a, ctx) => ctx.model.transfers.muteTransfer(a.ThisDN, a.ConnID, a.OtherDN, a.UserData),
  RequestSingleStepConference: (a, ctx) =>
    ctx.model.transfers.singleStepConference(a.ThisDN, a.ConnID, a.OtherDN, a.UserData),
  RequestDeleteFromConference: (a, ctx) => ctx.model.transfers.deleteFromConference(a.ThisDN, a.ConnID, a.OtherDN),
});
