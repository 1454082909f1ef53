import { KVList, type TAttributes } from '@gws/tlib';
import { switchHandlers } from '../link/switch-handlers';

/** Reasons as sent, or a ReasonCode found in Extensions (Workspace puts it in either). */
function reasonsOf(attributes: TAttributes): KVList | undefined {
  if (attributes.Reasons !== undefined) return attributes.Reasons;
  const code = attributes.Extensions?.get('ReasonCode');
  return code === undefined ? undefined : new KVList().add('ReasonCode', code);
}

/** Agent state and DN features. */
export const agentHandlers = switchHandlers({
  RequestAgentLogin: (a, ctx) => {
    const reasons = reasonsOf(a);
    ctx.model.agents.login({
      dn: a.ThisDN,
      agentId: a.AgentID,
      ...(a.Password !== undefined ? { password: a.Password } : {}),
      ...(a.AgentWorkMode !== undefined ? { workMode: a.AgentWorkMode } : {}),
      ...(a.ThisQueue !== undefined && a.ThisQueue !== '' ? { queue: a.ThisQueue } : {}),
      ...(reasons !== undefined ? { reasons } : {}),
    });
  },
  RequestAgentLogout: (a, ctx) => ctx.model.agents.logout(a.ThisDN),
  RequestAgentReady: (a, ctx) => ctx.model.agents.ready(a.ThisDN, stateRequest(a)),
  RequestAgentNotReady: (a, ctx) => ctx.model.agents.notReady(a.ThisDN, stateRequest(a)),
  RequestSetDNDOn: (a, ctx) => ctx.model.dns.setDnd(a.ThisDN, true),
  RequestSetDNDOff: (a, ctx) => ctx.model.dns.setDnd(a.ThisDN, false),
  RequestCallForwardSet: (a, ctx) => ctx.model.dns.setForward(a.ThisDN, a.OtherDN, a.ForwardMode),
  RequestCallForwardCancel: (a, ctx) => ctx.model.dns.cancelForward(a.ThisDN),
});

/** Work mode and reasons of a Ready / NotReady request. */
function stateRequest(a: TAttributes): { workMode?: number; reasons?: KVList } {
  const reasons = reasonsOf(a);
  return {
    ...(a.AgentWorkMode !== undefined ? { workMode: a.AgentWorkMode } : {}),
    ...(reasons !== undefined ? { reasons } : {}),
  };
}
