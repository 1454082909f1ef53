/**
 * `bench:login --stages`: what each stage of the login flow cost per agent, in each process. With the stages run in
 * turn (every agent through one stage before the next begins), the CPU the processes spent between two readings is
 * that stage's alone; with `--server-cpu-prof`, GWS's share is also split by category from its CPU profile
 * (cpu-profile-split.ts), cut at the same instants.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { cpuByCategory, readCpuProfile } from './cpu-profile-split';
import type { ServerUsage } from './login-protocol';

/** The three processes' CPU at one instant (the browsers' process is the bench's own). */
export interface StageReading {
  /** performance.now() of the bench process. */
  readonly at: number;
  readonly gws: ServerUsage;
  readonly simulatorsCpuMs: number;
  readonly clientCpuMs: number;
}

export interface StageFigures {
  readonly stage: string;
  readonly wallMs: number;
  readonly gwsCpuMsPerLogin: number;
  readonly simulatorsCpuMsPerLogin: number;
  readonly clientCpuMsPerLogin: number;
  readonly confservRequestsPerLogin: number;
  /** GWS's CPU per login by category (ms), from its profile; absent without `--server-cpu-prof`. */
  readonly gwsProfileMsPerLogin?: Record<string, number>;
}

const round2 = (value: number): number => Math.round(value * 100) / 100;

/** The main-thread profile the GWS child (process `pid`) wrote into `dir` as it exited. */
function gwsProfileFile(dir: string, pid: number): string | undefined {
  // Node names it CPU.<date>.<time>.<pid>.<thread>.<sequence>.cpuprofile; thread 0 is the main thread.
  const name = readdirSync(dir).find((file) => file.includes(`.${pid}.0.`) && file.endsWith('.cpuprofile'));
  return name === undefined ? undefined : join(dir, name);
}

/** One entry per stage, from `readings` (one before the first stage, then one after each). */
export function stageReport(
  stages: readonly string[],
  readings: readonly StageReading[],
  agents: number,
  profileDir: string | undefined,
  gwsPid: number | undefined,
): StageFigures[] {
  const file = profileDir === undefined || gwsPid === undefined ? undefined : gwsProfileFile(profileDir, gwsPid);
  const profile = file === undefined ? undefined : readCpuProfile(file);
  const perLogin = (ms: number): number => round2(ms / agents);
  return stages.map((stage, index) => {
    const from = readings[index]!;
    const to = readings[index + 1]!;
    const figures: StageFigures = {
      stage,
      wallMs: Math.round(to.at - from.at),
      gwsCpuMsPerLogin: perLogin(to.gws.cpuMs - from.gws.cpuMs),
      simulatorsCpuMsPerLogin: perLogin(to.simulatorsCpuMs - from.simulatorsCpuMs),
      clientCpuMsPerLogin: perLogin(to.clientCpuMs - from.clientCpuMs),
      confservRequestsPerLogin: round2((to.gws.confservRequests - from.gws.confservRequests) / agents),
    };
    if (profile === undefined) return figures;
    const byCategory = cpuByCategory(profile, from.gws.monotonicUs, to.gws.monotonicUs);
    const sorted = Object.entries(byCategory)
      .filter(([category]) => category !== 'idle')
      .sort((a, b) => b[1] - a[1])
      .map(([category, ms]) => [category, round2(ms / agents)] as const);
    return { ...figures, gwsProfileMsPerLogin: Object.fromEntries(sorted) };
  });
}
