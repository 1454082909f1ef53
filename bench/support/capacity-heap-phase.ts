/**
 * Where the snapshot of `bench/capacity.bench.ts` goes and how it is summarised: a file in a temporary directory
 * (or in `--heap-snapshot-dir`, kept), summarised by its own child (capacity-heap-child.ts) once every phase is over,
 * so that neither the parsing nor the file's writing overlaps a measurement.
 */
import { mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BenchChildProcess } from './bench-child-process';
import { log } from './events-log';
import { isHeapSummaryMessage, type HeapSummaryMessage } from './capacity-heap-summary';

/** Parsing and two walks per retained class over tens of millions of edges. */
const SUMMARY_TIMEOUT_MS = 20 * 60_000;

export interface SnapshotPlace {
  readonly file: string;
  /** Removes the file unless it is to be kept. */
  release(): void;
}

export function snapshotPlace(keepIn: string | undefined): SnapshotPlace {
  if (keepIn !== undefined) {
    mkdirSync(keepIn, { recursive: true });
    return { file: join(keepIn, `gws-capacity-${process.pid}.heapsnapshot`), release: () => undefined };
  }
  const directory = mkdtempSync(join(tmpdir(), 'gws-capacity-heap-'));
  return {
    file: join(directory, 'gws.heapsnapshot'),
    release: () => rmSync(directory, { recursive: true, force: true }),
  };
}

export type HeapSnapshotSummary = Omit<HeapSummaryMessage, 'type'> & { readonly fileMb: number };

/** Summarises `file` (with `sessions` held when it was taken); null if it cannot, with the reason logged. */
export async function summariseSnapshot(file: string, sessions: number): Promise<HeapSnapshotSummary | null> {
  const child = new BenchChildProcess(
    'capacity-heap-child.ts',
    BenchChildProcess.forkScript(
      'capacity-heap-child.ts',
      [file, String(sessions)],
      [...process.execArgv, '--max-old-space-size=8192'],
    ),
    isHeapSummaryMessage,
    5000,
  );
  try {
    const fileMb = Math.round(statSync(file).size / (1024 * 1024));
    log(`summarising the heap snapshot (${fileMb} MB)`);
    const { summary, readMs, summariseMs } = await child.next('summary', SUMMARY_TIMEOUT_MS);
    return { summary, readMs, summariseMs, fileMb };
  } catch (error) {
    log(`heap snapshot summary failed: ${error instanceof Error ? error.message : String(error)}`);
    return null;
  } finally {
    await child.stop();
  }
}
