import { switchHandlers } from '../link/switch-handlers';

/** Call user data and user events. */
export const userDataHandlers = switchHandlers({
  RequestAttachUserData: (a, ctx) => ctx.model.userData.attach(a.ThisDN, a.ConnID, a.UserData),
  RequestUpdateUserData: (a, ctx) => ctx.model.userData.update(a.ThisDN, a.ConnID, a.UserData),
  RequestDeletePair: (a, ctx) => ctx.model.userData.deletePair(a.ThisDN, a.ConnID, a.DataKey),
  RequestDeleteUserData: (a, ctx) => ctx.model.userData.deleteAll(a.ThisDN, a.ConnID),
  /** EventACK to the sender; EventUserEvent, with the sender's attributes, to every other client of the DN. */
  RequestDistributeUserEvent: (attributes, ctx) => {
    const copied = { ...attributes };
    delete copied.ReferenceID;
    ctx.fanout.publish(attributes.ThisDN, { name: 'EventUserEvent', attributes: copied }, ctx.session);
    ctx.reply('EventACK', {});
  },
});
