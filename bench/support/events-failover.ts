/**
 * The failover of `bench:events -- --nodes N --redis`: part-way through a drive one GWS node gets SIGKILL, and the
 * bench measures how long the browsers it served wait for their next event, and what they lost.
 *
 * Right before the kill it reads from Redis, through the stores' own classes, which browsers the node served: the
 * CometD sessions it held (push session records) and the agents whose DNs it had registered (agent session
 * records). With round robin a CometD session moves at most long polls, so the first set is a snapshot of that
 * moment (with `--sticky` it stays on its node while the node lives); the second only changes by takeover. After
 * the kill it follows both sets until the surviving nodes hold them all.
 */
import { Redis } from 'ioredis';
import { RedisAgentSessionStore, RedisPushSessionStore } from '@gws/stores';
import type { GwsNodeProcess } from '../../test/support/gws-node-process';
import type { Arrivals, GwsAgentBrowser } from './events-browser';
import { wallClockMs } from './events-clock';
import { log } from './events-log';
import type { DriveReport } from './events-protocol';
import type { SequenceGap, SequenceLog, SequenceRepeat, SequenceReport } from './events-sequence';
import { percentiles, round2, type LatencySummary } from './events-stats';

const WATCH_INTERVAL_MS = 100;
const MISSING_REPORTED = 20;

/** Who the killed node served, by user name. */
interface Served {
  /** Browsers whose CometD session the node held. */
  readonly cometd: ReadonlySet<string>;
  /** Agents whose contact-center session (their DNs on its T-Server link) the node held, with their user ids. */
  readonly agents: ReadonlyMap<string, string>;
}

interface Kill {
  readonly at: number;
  readonly exitedAt: number;
  readonly served: Served;
  /** When the killed node held no CometD session / agent of those any more (bench clock), if it happened. */
  cometdMovedAt?: number;
  agentsMovedAt?: number;
}

interface EventGroup {
  sent: number;
  delivered: number;
  missing: number;
  /** Origins of the first and last missing events, relative to the kill. */
  missingFromMs: number;
  missingToMs: number;
  /** Origin → arrival of the events that originated after the kill. */
  afterKill: number[];
}

/** One figure for each of the two sets of browsers the killed node served. */
interface ServedFigure {
  readonly cometdSessions: number | null;
  readonly agents: number | null;
}

export interface FailoverReport {
  readonly killedNode: string;
  readonly killAfterMs: number;
  /** Kill → the process's exit seen. */
  readonly exitSeenMs: number;
  readonly servedByKilledNode: { readonly cometdSessions: number; readonly agents: number };
  /**
   * Kill → first data message at a browser whose CometD session / agent the killed node held (null: none came). It
   * may be an older message the surviving node replayed from the log.
   */
  readonly firstEventMs: ServedFigure;
  /** Kill → first arrival, at those browsers, of a call event that originated after the kill. */
  readonly firstNewEventMs: ServedFigure;
  /** Kill → the killed node held none of those CometD sessions / agents any more, in Redis. */
  readonly movedMs: { readonly cometdSessions: number | null; readonly agents: number | null };
  /** The failover drive's events, by where the agent was: sent, delivered, missing, latency of those after the kill. */
  readonly events: Record<'killedNodeAgents' | 'survivingNodeAgents', Record<string, unknown>>;
  /** Events of the drive that never arrived (first few): user, event, origin relative to the kill. */
  readonly missingEvents: readonly { user: string; event: string; originMs: number }[];
  /** Sequence numbers across the whole cluster phase; gap and repeat times are relative to the kill. */
  readonly sequence: Omit<SequenceReport, 'gaps' | 'repeats'> & {
    gaps: readonly Record<string, unknown>[];
    repeats: readonly Record<string, unknown>[];
  };
}

export class Failover {
  private readonly redis: Redis;
  private readonly pushSessions: RedisPushSessionStore;
  private readonly agentSessions: RedisAgentSessionStore;
  private kill: Kill | undefined;

  constructor(
    redisUrl: string,
    private readonly node: GwsNodeProcess,
    private readonly browsers: readonly GwsAgentBrowser[],
  ) {
    this.redis = new Redis(redisUrl, { lazyConnect: false, maxRetriesPerRequest: 1 });
    const link = { client: this.redis, queued: this.redis, duplicate: () => this.redis.duplicate(), prefix: 'gws:' };
    this.pushSessions = new RedisPushSessionStore(link);
    this.agentSessions = new RedisAgentSessionStore(link);
  }

  get nodeId(): string {
    return this.node.nodeId;
  }

  /** Waits `killAfterMs`, kills the node, then follows its sessions for up to `watchMs`. */
  async killAfter(killAfterMs: number, watchMs: number): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve, killAfterMs));
    const served = await this.served();
    const at = wallClockMs();
    await this.node.kill('SIGKILL');
    const kill: Kill = { at, exitedAt: wallClockMs(), served };
    this.kill = kill;
    log(
      `failover: killed ${this.node.nodeId} (pid ${this.node.pid}); it held ${served.cometd.size} CometD sessions ` +
        `and ${served.agents.size} agents`,
    );
    const end = performance.now() + watchMs;
    while (performance.now() < end && (kill.cometdMovedAt === undefined || kill.agentsMovedAt === undefined)) {
      await new Promise((resolve) => setTimeout(resolve, WATCH_INTERVAL_MS));
      if (kill.cometdMovedAt === undefined && (await this.cometdStillHeld(served.cometd)) === 0)
        kill.cometdMovedAt = wallClockMs();
      if (kill.agentsMovedAt === undefined && (await this.agentsStillHeld(served.agents)) === 0)
        kill.agentsMovedAt = wallClockMs();
    }
  }

  /** What the failover drive delivered and lost, once it has drained. */
  report(
    killAfterMs: number,
    drive: DriveReport,
    targets: readonly string[],
    arrivals: Arrivals,
    sequences: SequenceLog,
  ): FailoverReport {
    const kill = this.kill;
    if (kill === undefined) throw new Error('failover: the node was never killed');
    const since = (time: number | undefined): number | null => (time === undefined ? null : round2(time - kill.at));
    const firstOf = (users: Iterable<string>): number | null => {
      let first: number | undefined;
      for (const user of users) {
        // Arrivals after the exit: only the surviving nodes can have sent them.
        const at = sequences.firstAfter(user, kill.exitedAt);
        if (at !== undefined && (first === undefined || at < first)) first = at;
      }
      return since(first);
    };

    const userOfDn = new Map(this.browsers.map((browser) => [browser.agent.dn, browser.agent.userName]));
    const groups = { killedNodeAgents: emptyGroup(), survivingNodeAgents: emptyGroup() };
    const firstNew = { cometdSessions: Infinity, agents: Infinity };
    const missingEvents: { user: string; event: string; originMs: number }[] = [];
    for (let i = 0; i < drive.keys.length; i++) {
      const user = userOfDn.get(targets[drive.targetIndexes[i]!]!) ?? '?';
      const group = kill.served.agents.has(user) ? groups.killedNodeAgents : groups.survivingNodeAgents;
      const origin = drive.origins[i]!;
      const arrived = arrivals.at.get(drive.keys[i]!);
      group.sent++;
      if (arrived === undefined) {
        group.missing++;
        group.missingFromMs = Math.min(group.missingFromMs, round2(origin - kill.at));
        group.missingToMs = Math.max(group.missingToMs, round2(origin - kill.at));
        if (missingEvents.length < MISSING_REPORTED)
          missingEvents.push({ user, event: drive.keys[i]!, originMs: round2(origin - kill.at) });
        continue;
      }
      group.delivered++;
      if (origin < kill.at) continue;
      group.afterKill.push(arrived - origin);
      if (kill.served.cometd.has(user)) firstNew.cometdSessions = Math.min(firstNew.cometdSessions, arrived);
      if (kill.served.agents.has(user)) firstNew.agents = Math.min(firstNew.agents, arrived);
    }

    const { gaps, repeats, ...counts } = sequences.report();
    return {
      killedNode: this.node.nodeId,
      killAfterMs,
      exitSeenMs: round2(kill.exitedAt - kill.at),
      servedByKilledNode: { cometdSessions: kill.served.cometd.size, agents: kill.served.agents.size },
      firstEventMs: { cometdSessions: firstOf(kill.served.cometd), agents: firstOf(kill.served.agents.keys()) },
      firstNewEventMs: {
        cometdSessions: since(Number.isFinite(firstNew.cometdSessions) ? firstNew.cometdSessions : undefined),
        agents: since(Number.isFinite(firstNew.agents) ? firstNew.agents : undefined),
      },
      movedMs: { cometdSessions: since(kill.cometdMovedAt), agents: since(kill.agentsMovedAt) },
      events: {
        killedNodeAgents: describe(groups.killedNodeAgents),
        survivingNodeAgents: describe(groups.survivingNodeAgents),
      },
      missingEvents,
      sequence: {
        ...counts,
        gaps: gaps.map((gap) => describeGap(gap, kill)),
        repeats: repeats.map((repeat) => describeRepeat(repeat, kill)),
      },
    };
  }

  close(): void {
    this.redis.disconnect();
  }

  private async served(): Promise<Served> {
    const nodeId = this.node.nodeId;
    const [records, agents] = await Promise.all([
      Promise.all(
        this.browsers.map((browser) =>
          browser.clientId === undefined ? Promise.resolve(undefined) : this.pushSessions.get(browser.clientId),
        ),
      ),
      this.agentSessions.listByNode(nodeId),
    ]);
    const cometd = new Set<string>();
    records.forEach((record, i) => {
      if (record?.nodeId === nodeId) cometd.add(this.browsers[i]!.agent.userName);
    });
    return { cometd, agents: new Map(agents.map((record) => [record.userName, record.userId])) };
  }

  /** How many of these users' CometD sessions the killed node still holds. */
  private async cometdStillHeld(users: ReadonlySet<string>): Promise<number> {
    const browsers = this.browsers.filter((browser) => users.has(browser.agent.userName));
    const records = await Promise.all(
      browsers.map((browser) =>
        browser.clientId === undefined ? Promise.resolve(undefined) : this.pushSessions.get(browser.clientId),
      ),
    );
    return records.filter((record) => record?.nodeId === this.node.nodeId).length;
  }

  /** How many of these agents (user name → user id) the killed node still holds. */
  private async agentsStillHeld(agents: ReadonlyMap<string, string>): Promise<number> {
    const records = await Promise.all([...agents.values()].map((userId) => this.agentSessions.get(userId)));
    return records.filter((record) => record?.nodeId === this.node.nodeId).length;
  }
}

function describeGap(gap: SequenceGap, kill: Kill): Record<string, unknown> {
  return {
    user: gap.user,
    afterSeq: gap.after,
    missingSeqs: gap.missingFrom === gap.missingTo ? `${gap.missingFrom}` : `${gap.missingFrom}-${gap.missingTo}`,
    lastBeforeMs: round2(gap.afterAt - kill.at),
    resumedMs: round2(gap.resumedAt - kill.at),
    ...placeOf(gap.user, kill),
  };
}

function describeRepeat(repeat: SequenceRepeat, kill: Kill): Record<string, unknown> {
  return {
    user: repeat.user,
    seq: repeat.seq,
    firstMs: round2(repeat.firstAt - kill.at),
    againMs: round2(repeat.againAt - kill.at),
    ...placeOf(repeat.user, kill),
  };
}

function placeOf(user: string, kill: Kill): Record<string, boolean> {
  return { cometdOnKilledNode: kill.served.cometd.has(user), agentOnKilledNode: kill.served.agents.has(user) };
}

function emptyGroup(): EventGroup {
  return { sent: 0, delivered: 0, missing: 0, missingFromMs: Infinity, missingToMs: -Infinity, afterKill: [] };
}

function describe(group: EventGroup): Record<string, unknown> {
  const latency: LatencySummary | null = percentiles(group.afterKill);
  return {
    sent: group.sent,
    delivered: group.delivered,
    missing: group.missing,
    ...(group.missing === 0 ? {} : { missingOriginsMs: [group.missingFromMs, group.missingToMs] }),
    latencyAfterKillMs: latency,
  };
}
