import { KVList, readTMessage, type TAttributes } from '@gws/tlib';
import type { HandlerTable } from '../link/request-context';

/** Reasons as sent, or a ReasonCode found in Extensions (Workspace puts it in either). */
function reasonsOf(attributes: TAttributes): KVList | undefined {
  if (attributes.Reasons !== undefined) return attributes.Reasons;
  const code = attributes.Extensions?.get('ReasonCode');
  return code === undefined ? undefined : new KVList().add('ReasonCode', code);
}

/** Agent state and DN features. */
export const agentHandlers: HandlerTable = {
  RequestAgentLogin: {
    scope: 'switch',
    handle(ctx) {
      const { attributes: a } = readTMessage(ctx.request, 'RequestAgentLogin');
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
  },
  RequestAgentLogout: {
    scope: 'switch',
    handle: (ctx) => ctx.model.agents.logout(readTMessage(ctx.request, 'RequestAgentLogout').attributes.ThisDN),
  },
  RequestAgentReady: {
    scope: 'switch',
    handle(ctx) {
      const { attributes: a } = readTMessage(ctx.request, 'RequestAgentReady');
      const reasons = reasonsOf(a);
      ctx.model.agents.ready(a.ThisDN, {
        ...(a.AgentWorkMode !== undefined ? { workMode: a.AgentWorkMode } : {}),
        ...(reasons !== undefined ? { reasons } : {}),
      });
    },
  },
  RequestAgentNotReady: {
    scope: 'switch',
    handle(ctx) {
      const { attributes: a } = readTMessage(ctx.request, 'RequestAgentNotReady');
      const reasons = reasonsOf(a);
      ctx.model.agents.notReady(a.ThisDN, {
        ...(a.AgentWorkMode !== undefined ? { workMode: a.AgentWorkMode } : {}),
        ...(reasons !== undefined ? { reasons } : {}),
      });
    },
  },
  RequestSetDNDOn: {
    scope: 'switch',
    handle: (ctx) => ctx.model.dns.setDnd(readTMessage(ctx.request, 'RequestSetDNDOn').attributes.ThisDN, true),
  },
  RequestSetDNDOff: {
    scope: 'switch',
    handle: (ctx) => ctx.model.dns.setDnd(readTMessage(ctx.request, 'RequestSetDNDOff').attributes.ThisDN, false),
  },
  RequestCallForwardSet: {
    scope: 'switch',
    handle(ctx) {
      const { attributes: a } = readTMessage(ctx.request, 'RequestCallForwardSet');
      ctx.model.dns.setForward(a.ThisDN, a.OtherDN, a.ForwardMode);
    },
  },
  RequestCallForwardCancel: {
    scope: 'switch',
    handle: (ctx) =>
      ctx.model.dns.cancelForward(readTMessage(ctx.request, 'RequestCallForwardCancel').attributes.ThisDN),
  },
};
