/**
 * Scenario 6 of `bench/soak.ts`: agents in session whose CometD clients announce the acknowledgement extension, keep
 * polling, and never acknowledge, while calls ring and end at their DNs (the simulator control API). The server
 * resends what is unacknowledged on every poll; past COMETD_MAX_QUEUED_MESSAGES (1000) it must end the session
 * (`402::session_unknown`, advice `reconnect: handshake`) instead of holding, and sending, ever more.
 */
import { rawBayeux } from '../../test/support/raw-bayeux';
import { control, agentHandshake, seatAgent, sleep, type Scenario, type SoakContext } from './soak-context';

/** The default COMETD_MAX_QUEUED_MESSAGES. */
const MAX_QUEUED_MESSAGES = 1000;
const POLL_PAUSE_MS = 300;

interface NeverAckReport {
  readonly user: string;
  polls: number;
  calls: number;
  controlRefusals: number;
  /** Data messages (not /meta) the poll answers carried, summed: what the server sent, resends included. */
  messagesReceived: number;
  maxPollMessages: number;
  maxPollBytes: number;
  /** The `/meta/connect` reply that ended the session, when one did. */
  ended: { error: unknown; advice: unknown } | undefined;
}

/** Logs the agent in, opens its Bayeux session with ext.ack, then polls (never acknowledging) until it is ended. */
async function neverAcknowledge(context: SoakContext, user: string) {
  const { agent, device } = await seatAgent(context, user);
  const report: NeverAckReport = {
    user,
    polls: 0,
    calls: 0,
    controlRefusals: 0,
    messagesReceived: 0,
    maxPollMessages: 0,
    maxPollBytes: 0,
    ended: undefined,
  };
  const { clientId, cookies } = await agentHandshake(context, agent, { ack: true });
  const poll = async (id: number): Promise<void> => {
    const answer = await context.tally.track(
      rawBayeux(
        context.ports.gwsPort,
        [
          {
            channel: '/meta/connect',
            clientId,
            connectionType: 'long-polling',
            advice: { timeout: 0 },
            id: String(id),
          },
        ],
        { cookies, timeoutMs: 20_000 },
      ),
    );
    report.polls++;
    const data = answer.messages?.filter((m) => !String(m['channel']).startsWith('/meta/')).length ?? 0;
    report.messagesReceived += data;
    report.maxPollMessages = Math.max(report.maxPollMessages, data);
    report.maxPollBytes = Math.max(report.maxPollBytes, answer.bytes);
    const reply = answer.messages?.find((m) => m['channel'] === '/meta/connect');
    if (reply?.['successful'] === false) report.ended = { error: reply['error'], advice: reply['advice'] };
  };
  return { report, poll, dn: device.phoneNumber };
}

export const neverAck: Scenario = {
  name: 'never-ack',
  // Each session must be sent over 1,000 messages (about 550 calls per agent, two control requests each) before the
  // cap ends it: about 20 s on a quiet 2-core host, and twice that when the host is busy. Sessions ended early end
  // the scenario early.
  budgetMs: 60_000,
  async run(context) {
    const users = Array.from({ length: context.options.neverAckAgents }, (_, i) => `agent${i + 1}`);
    const rssBeforeMb = context.server.rssMb();
    const agents = await Promise.all(users.map((user) => neverAcknowledge(context, user)));
    const pollLoop = async ({ report, poll }: (typeof agents)[number]): Promise<void> => {
      for (let id = 1; report.ended === undefined && !context.expired(); id++) {
        await poll(id);
        await sleep(POLL_PAUSE_MS);
      }
    };
    // Calls ring at the agent's DN and are hung up at once by the caller (EventRinging, EventAbandoned), until the
    // session is ended.
    const callLoop = async ({ report, dn: destination }: (typeof agents)[number]): Promise<void> => {
      while (report.ended === undefined && !context.expired()) {
        const call = await control(context, 'POST', '/calls', { ani: '+15550001234', destination });
        const connId = call.body['connId'];
        if (call.status !== 201 || typeof connId !== 'string') {
          report.controlRefusals++;
          await sleep(50);
          continue;
        }
        report.calls++;
        const hangup = await control(context, 'POST', `/calls/${connId}/hangup`);
        if (hangup.status !== 200) report.controlRefusals++;
      }
    };
    await Promise.all(agents.flatMap((agent) => [pollLoop(agent), callLoop(agent)]));
    const reports = agents.map((agent) => agent.report);
    const endedRight = reports.filter(
      ({ ended }) =>
        ended?.error === '402::session_unknown' &&
        (ended.advice as { reconnect?: unknown } | undefined)?.reconnect === 'handshake',
    ).length;
    const maxPollMessages = Math.max(0, ...reports.map((r) => r.maxPollMessages));
    return {
      agents: reports.length,
      callsInjected: reports.reduce((sum, r) => sum + r.calls, 0),
      maxPollMessages,
      maxPollBytes: Math.max(0, ...reports.map((r) => r.maxPollBytes)),
      sessionsEndedWith402Handshake: endedRight,
      target: { maxPollMessagesAtMost: MAX_QUEUED_MESSAGES, sessionsEndedWith402Handshake: reports.length },
      rssBeforeMb,
      rssAfterMb: context.server.rssMb(),
      perAgent: reports,
      ok: maxPollMessages <= MAX_QUEUED_MESSAGES && endedRight === reports.length,
    };
  },
};
