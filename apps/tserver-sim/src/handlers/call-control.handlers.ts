import { readTMessage } from '@gws/tlib';
import type { HandlerTable } from '../link/request-context';

/** One-call requests. */
export const callControlHandlers: HandlerTable = {
  RequestMakeCall: {
    scope: 'switch',
    handle(ctx) {
      const { attributes: a } = readTMessage(ctx.request, 'RequestMakeCall');
      ctx.model.control.makeCall({
        dn: a.ThisDN,
        destination: a.OtherDN,
        ...(a.UserData !== undefined ? { userData: a.UserData } : {}),
      });
    },
  },
  RequestAnswerCall: {
    scope: 'switch',
    handle(ctx) {
      const { attributes: a } = readTMessage(ctx.request, 'RequestAnswerCall');
      ctx.model.control.answer(a.ThisDN, a.ConnID);
    },
  },
  RequestReleaseCall: {
    scope: 'switch',
    handle(ctx) {
      const { attributes: a } = readTMessage(ctx.request, 'RequestReleaseCall');
      ctx.model.control.release(a.ThisDN, a.ConnID);
    },
  },
  RequestHoldCall: {
    scope: 'switch',
    handle(ctx) {
      const { attributes: a } = readTMessage(ctx.request, 'RequestHoldCall');
      ctx.model.control.hold(a.ThisDN, a.ConnID);
    },
  },
  RequestRetrieveCall: {
    scope: 'switch',
    handle(ctx) {
      const { attributes: a } = readTMessage(ctx.request, 'RequestRetrieveCall');
      ctx.model.control.retrieve(a.ThisDN, a.ConnID);
    },
  },
  RequestRedirectCall: {
    scope: 'switch',
    handle(ctx) {
      const { attributes: a } = readTMessage(ctx.request, 'RequestRedirectCall');
      ctx.model.control.redirect(a.ThisDN, a.ConnID, a.OtherDN);
    },
  },
  RequestClearCall: {
    scope: 'switch',
    handle(ctx) {
      const { attributes: a } = readTMessage(ctx.request, 'RequestClearCall');
      ctx.model.control.clear(a.ThisDN, a.ConnID);
    },
  },
  RequestSendDTMF: {
    scope: 'switch',
    handle(ctx) {
      const { attributes: a } = readTMessage(ctx.request, 'RequestSendDTMF');
      ctx.model.control.sendDtmf(a.ThisDN, a.ConnID, a.DTMFDigits);
    },
  },
};
