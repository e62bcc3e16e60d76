import { hostname } from 'node:os';
import { lockHolder, tryLock } from './lock.js';
import {
  inspectState,
  recordDelivery,
  recordFailureNotice,
  recordRun,
  repairState,
  resetBrief,
  type BriefRunRecord,
  type DeliveryRecord,
  type StatePaths,
  type StateReading,
} from './stateFile.js';

/** A claim's lease when BRIEFGEN_LEASE_SECONDS does not say: renewed every third of it. */
export const DEFAULT_LEASE_SECONDS = 120;

/** The right to build a brief now, held by one worker: released when done. */
export interface Claim {
  release(): Promise<void>;
}

/** A build that failed, for the run history. */
export interface RunFailure {
  slot: string;
  asOf: string;
  worker: string;
  startedAt: string;
  finishedAt: string;
  error: string;
}

/** A worker building a brief now. */
export interface ActiveClaim {
  id: string;
  worker: string;
  since: string;
  /** When another worker may take it over if this one stops renewing it. */
  leaseUntil?: string;
}

/** One run from the history: who built what, when, in how long, and how it ended. */
export interface RunHistoryEntry {
  id: string;
  slot: string;
  asOf: string;
  worker: string;
  finishedAt: string;
  durationMs: number;
  outcome: 'built' | 'skipped' | 'failed';
  output?: string;
  error?: string;
}

/**
 * Where the schedule keeps its state, and how workers agree who builds what: a state file
 * with lock files in the output folder (one machine), or PostgreSQL tables with leased claims
 * and a run history (team mode, src/schedule/pgScheduleStore.ts). runDue sees only this.
 */
export interface ScheduleStore {
  /** Where the state is, as messages name it. */
  readonly location: string;
  /** The state, with what cannot be trusted in it (see inspectState). */
  inspect(wallClock: Date): Promise<StateReading>;
  /** Set damaged state aside; the backup's name when there was one. */
  repair(): Promise<string | undefined>;
  /** Claim a brief for building, or undefined when another worker holds it. */
  claim(id: string): Promise<Claim | undefined>;
  /** Record a successful slot; fails (CLAIM_LOST) when the claim was taken over meanwhile. */
  recordRun(id: string, record: BriefRunRecord, claim: Claim): Promise<void>;
  recordDelivery(id: string, delivery: DeliveryRecord): Promise<void>;
  recordFailureNotice(id: string, slot: string): Promise<void>;
  recordFailure(id: string, failure: RunFailure): Promise<void>;
  /** Forget a brief's runs, so its latest slot is due again. False when there was nothing. */
  reset(id: string): Promise<boolean>;
  /** Who is building what now, and the latest runs (newest first) where a history is kept. */
  activity(ids: readonly string[]): Promise<{ claims: ActiveClaim[]; history: RunHistoryEntry[] }>;
  close(): Promise<void>;
}

/** This process as the run history names it: host and process id. */
export function workerId(): string {
  return `${hostname()}:${process.pid}`;
}

/** The schedule state of one output folder: `<out>/.briefgen/`, as before team mode. */
export class FileScheduleStore implements ScheduleStore {
  readonly location: string;

  constructor(readonly paths: StatePaths) {
    this.location = paths.file;
  }

  inspect(wallClock: Date): Promise<StateReading> {
    return inspectState(this.paths, wallClock);
  }

  repair(): Promise<string | undefined> {
    return repairState(this.paths);
  }

  async claim(id: string): Promise<Claim | undefined> {
    const release = await tryLock(this.paths.briefLock(id));
    return release ? { release } : undefined;
  }

  recordRun(id: string, record: BriefRunRecord): Promise<void> {
    return recordRun(this.paths, id, record);
  }

  recordDelivery(id: string, delivery: DeliveryRecord): Promise<void> {
    return recordDelivery(this.paths, id, delivery);
  }

  recordFailureNotice(id: string, slot: string): Promise<void> {
    return recordFailureNotice(this.paths, id, slot);
  }

  /** The state file keeps the last success only; a failure is reported, not recorded. */
  recordFailure(): Promise<void> {
    return Promise.resolve();
  }

  reset(id: string): Promise<boolean> {
    return resetBrief(this.paths, id);
  }

  async activity(ids: readonly string[]) {
    const claims: ActiveClaim[] = [];
    for (const id of ids) {
      const holder = await lockHolder(this.paths.briefLock(id));
      if (holder) {
        claims.push({
          id,
          worker: holder.pid === undefined ? 'unknown' : `${hostname()}:${holder.pid}`,
          since: holder.acquiredAt ?? '',
        });
      }
    }
    return { claims, history: [] };
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}
