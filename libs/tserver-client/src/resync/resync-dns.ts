import { AddressInfoType, TErrorCode, type ConnId, type TMessage } from '@gws/tlib';
import { ClientClosedError, LinkError } from '@gws/framed-link';
import type { CallResync, DnResync, ResyncSummary } from '../client-events';
import { LinkDownError } from '../errors/link-down.error';
import { TServerClientError } from '../errors/tserver-client.error';
import { TServerRequestError } from '../errors/tserver-request.error';
import { queryAddressMessage, queryCallMessage, registerAddressMessage } from '../requests/dn-messages';
import type { DnRegistration } from './registered-dns';

export interface ResyncContext {
  /** Bound to one link: once it is down, every request fails with LinkDownError and re-sync stops. */
  readonly request: (message: TMessage) => Promise<TMessage>;
  /** Each re-registered as it was registered: same address type, same RegisterMode. */
  readonly dns: readonly DnRegistration[];
  readonly knownCalls: (dn: string) => readonly ConnId[];
  readonly forgetCall: (dn: string, connId: ConnId) => void;
  readonly emit: (result: DnResync) => void;
}

/**
 * Re-registers every DN, reads back its agent status and the state of each known call, and emits one result per
 * DN. Failures are reported in the results; only a lost link stops it (returns undefined: the next link redoes it).
 */
export async function resyncDns(context: ResyncContext): Promise<ResyncSummary | undefined> {
  const started = Date.now();
  let failed = 0;
  try {
    await Promise.all(
      context.dns.map(async (registration) => {
        const result = await resyncDn(context, registration);
        if (!result.ok) failed++;
        context.emit(result);
      }),
    );
  } catch (error) {
    if (isLinkLoss(error)) return undefined;
    throw error;
  }
  return { dns: context.dns.length, failed, durationMs: Date.now() - started };
}

async function resyncDn(context: ResyncContext, { dn, addressType, mode }: DnRegistration): Promise<DnResync> {
  let registered: TMessage;
  try {
    registered = await context.request(registerAddressMessage(dn, addressType, mode));
  } catch (error) {
    return { dn, ok: false, error: reported(error), calls: [] };
  }
  const agentStatus = queryOutcome(context.request(queryAddressMessage(dn, AddressInfoType.AgentStatus)));
  const calls = context.knownCalls(dn).map(async (connId): Promise<CallResync> => {
    const outcome = await queryOutcome(context.request(queryCallMessage(dn, connId)));
    const gone = outcome.error instanceof TServerRequestError && outcome.error.errorCode === TErrorCode.InvalidConnId;
    if (gone) context.forgetCall(dn, connId);
    return outcome.error ? { connId, error: outcome.error } : { connId, partyInfo: outcome.reply! };
  });
  const [agent, callResults] = await Promise.all([agentStatus, Promise.all(calls)]);
  return {
    dn,
    ok: true,
    registered,
    ...(agent.reply ? { agentStatus: agent.reply } : { agentStatusError: agent.error! }),
    calls: callResults,
  };
}

async function queryOutcome(reply: Promise<TMessage>): Promise<{ reply?: TMessage; error?: LinkError }> {
  try {
    return { reply: await reply };
  } catch (error) {
    return { error: reported(error) };
  }
}

/** A lost link aborts re-sync; every other failure becomes part of the result. */
function reported(error: unknown): LinkError {
  if (isLinkLoss(error)) throw error;
  if (error instanceof LinkError) return error;
  return new TServerClientError(`re-sync failed: ${String(error)}`, false, { cause: error });
}

function isLinkLoss(error: unknown): boolean {
  return error instanceof LinkDownError || error instanceof ClientClosedError;
}
