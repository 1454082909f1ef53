import { readTMessage } from '@gws/tlib';
import type { HandlerTable } from '../link/request-context';

/** Call user data and user events. */
export const userDataHandlers: HandlerTable = {
  RequestAttachUserData: {
    scope: 'switch',
    handle(ctx) {
      const { attributes: a } = readTMessage(ctx.request, 'RequestAttachUserData');
      ctx.model.userData.attach(a.ThisDN, a.ConnID, a.UserData);
    },
  },
  RequestUpdateUserData: {
    scope: 'switch',
    handle(ctx) {
      const { attributes: a } = readTMessage(ctx.request, 'RequestUpdateUserData');
      ctx.model.userData.update(a.ThisDN, a.ConnID, a.UserData);
    },
  },
  RequestDeletePair: {
    scope: 'switch',
    handle(ctx) {
      const { attributes: a } = readTMessage(ctx.request, 'RequestDeletePair');
      ctx.model.userData.deletePair(a.ThisDN, a.ConnID, a.DataKey);
    },
  },
  RequestDeleteUserData: {
    scope: 'switch',
    handle(ctx) {
      const { attributes: a } = readTMessage(ctx.request, 'RequestDeleteUserData');
      ctx.model.userData.deleteAll(a.ThisDN, a.ConnID);
    },
  },
  /** EventACK to the sender; EventUserEvent, with the sender's attributes, to every other client of the DN. */
  RequestDistributeUserEvent: {
    scope: 'switch',
    handle(ctx) {
      const { attributes } = readTMessage(ctx.request, 'RequestDistributeUserEvent');
      const copied = { ...attributes };
      delete copied.ReferenceID;
      ctx.fanout.publish(attributes.ThisDN, { name: 'EventUserEvent', attributes: copied }, ctx.session);
      ctx.reply('EventACK', {});
    },
  },
};
