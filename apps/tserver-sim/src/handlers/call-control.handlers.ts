import { switchHandlers } from '../link/switch-handlers';

/** One-call requests. */
export const callControlHandlers = switchHandlers({
  RequestMakeCall: (a, ctx) =>
    ctx.model.control.makeCall({
      dn: a.ThisDN,
      destination: a.OtherDN,
      ...(a.UserData !== undefined ? { userData: a.UserData } : {}),
    }),
  RequestAnswerCall: (a, ctx) => ctx.model.control.answer(a.ThisDN, a.ConnID),
  RequestReleaseCall: (a, ctx) => ctx.model.control.release(a.ThisDN, a.ConnID),
  RequestHoldCall: (a, ctx) => ctx.model.control.hold(a.ThisDN, a.ConnID),
  RequestRetrieveCall: (a, ctx) => ctx.model.control.retrieve(a.ThisDN, a.ConnID),
  RequestRedirectCall: (a, ctx) => ctx.model.control.redirect(a.ThisDN, a.ConnID, a.OtherDN),
  RequestClearCall: (a, ctx) => ctx.model.control.clear(a.ThisDN, a.ConnID),
  RequestSendDTMF: (a, ctx) => ctx.model.control.sendDtmf(a.ThisDN, a.ConnID, a.DTMFDigits),
});
