import { randomBytes } from 'node:crypto';
import { BriefError } from '../shared/errors.js';
import { PgDatabase, type Queryable, type Session } from '../store/postgres/index.js';
import type {
  ActiveClaim,
  Claim,
  RunFailure,
  RunHistoryEntry,
  ScheduleStore,
} from './scheduleStore.js';
import { DEFAULT_LEASE_SECONDS, workerId } from './scheduleStore.js';
import {
  entryProblem,
  type BriefRunRecord,
  type DeliveryRecord,
  type ScheduleState,
  type StateReading,
} from './stateFile.js';

/** Advisory lock class of claims (src/store/postgres/database.ts keeps the store's own). */
const CLAIMS = 0x62726966;
/** How many of the latest runs `brief schedule` shows. */
const HISTORY = 20;

/**
 * Team mode's schedule state, in the PostgreSQL database every worker shares.
 *
 * A claim is a session advisory lock on a connection the worker keeps while it builds, plus
 * a row with a lease the worker renews. A worker that dies (kill -9, a crash, a lost host)
 * drops its connection and with it the lock, so the brief is free at once; a worker that
 * hangs keeps its connection but stops renewing, and once its lease has run out the next
 * worker ends that connection and takes the brief over. Recording a run checks the claim in
 * the same transaction, so a worker whose claim was taken over records nothing (CLAIM_LOST).
 * Every run, built, skipped or failed, goes into the history with its worker and duration.
 */
export class PgScheduleStore implements ScheduleStore {
  readonly location: string;

  private constructor(
    private readonly db: PgDatabase,
    private readonly leaseSeconds: number,
  ) {
    this.location = db.location;
  }

  static async open(url: string, leaseSeconds = DEFAULT_LEASE_SECONDS): Promise<PgScheduleStore> {
    return new PgScheduleStore(await PgDatabase.connect(url), leaseSeconds);
  }

  close(): Promise<void> {
    return this.db.close();
  }

  async inspect(wallClock: Date): Promise<StateReading> {
    const rows = await this.db.query<{
      brief_id: string;
      record: BriefRunRecord | null;
      failure_notice: string | null;
    }>('SELECT brief_id, record, failure_notice FROM schedule_state ORDER BY brief_id');
    const state: ScheduleState = { version: 1, briefs: {} };
    const ignored: StateReading['ignored'] = [];
    for (const row of rows) {
      if (row.failure_notice !== null) {
        state.failureNotices = { ...state.failureNotices, [row.brief_id]: row.failure_notice };
      }
      if (row.record === null) continue;
      const reason = entryProblem(row.record, wallClock);
      if (reason === undefined) state.briefs[row.brief_id] = row.record;
      else ignored.push({ id: row.brief_id, reason });
    }
    return { state, ignored };
  }

  /**
   * The claim's own connection must still be up: it holds the lock that keeps other workers
   * off this brief. When it is gone (the server restarted, or a worker that found the lease
   * run out ended it) the build is not recorded, and the next run builds the slot again.
   */
  private async verify(claim: LeasedClaim): Promise<void> {
    try {
      await claim.ping();
    } catch (error) {
      const [held] = await this.db.query<{ token: string }>(
        'SELECT token FROM schedule_claims WHERE brief_id = $1 AND token = $2',
        [claim.id, claim.token],
      );
      if (!held) throw claimLost(claim.id);
      throw new BriefError(
        'STORE_UNAVAILABLE',
        `${claim.id}: the connection holding this build's claim was lost (${(error as Error).message}); the build is not recorded`,
        {
          file: this.location,
          hint: 'the database restarted or dropped the connection; the next run builds this slot again',
          cause: error,
        },
      );
    }
  }

  /** Rows cannot be damaged the way a file can: nothing to set aside. */
  repair(): Promise<undefined> {
    return Promise.resolve(undefined);
  }

  async claim(id: string): Promise<Claim | undefined> {
    const session = await this.db.session();
    try {
      if (!(await this.lock(session, id))) {
        session.release();
        return undefined;
      }
      const token = randomBytes(12).toString('hex');
      await session.query(
        `INSERT INTO schedule_claims AS c (brief_id, token, worker, claimed_at, expires_at, backend_pid)
         VALUES ($1, $2, $3, now(), now() + make_interval(secs => $4), pg_backend_pid())
         ON CONFLICT (brief_id) DO UPDATE SET token = excluded.token, worker = excluded.worker,
           claimed_at = excluded.claimed_at, expires_at = excluded.expires_at,
           backend_pid = excluded.backend_pid`,
        [id, token, workerId(), this.leaseSeconds],
      );
      return new LeasedClaim(id, token, session, this.leaseSeconds);
    } catch (error) {
      session.release(true);
      throw error;
    }
  }

  /**
   * Take the brief's lock on this session. When another session holds it, it is taken over
   * only if that session's lease has run out: the holder (as pg_locks names it, so never a
   * stranger) is disconnected, which releases its lock.
   */
  private async lock(session: Session, id: string): Promise<boolean> {
    const key = claimKey(id);
    const tryLock = async () =>
      (
        await session.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1, $2) AS locked', [
          CLAIMS,
          key,
        ])
      )[0]?.locked === true;
    if (await tryLock()) return true;
    const [stale] = await session.query<{ pid: number }>(
      `SELECT l.pid FROM pg_locks l JOIN schedule_claims c ON c.backend_pid = l.pid
       WHERE l.locktype = 'advisory' AND l.classid = $1::bigint::oid
         AND l.objid = $2::bigint::oid AND l.objsubid = 2 AND l.granted
         AND c.brief_id = $3 AND c.expires_at < now()`,
      [CLAIMS, key >>> 0, id],
    );
    if (!stale) return false;
    await session.query('SELECT pg_terminate_backend($1)', [stale.pid]);
    // The server ends that session (and its lock) within moments.
    for (let attempt = 0; attempt < 50; attempt++) {
      if (await tryLock()) return true;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return false;
  }

  async recordRun(id: string, record: BriefRunRecord, claim: Claim): Promise<void> {
    if (claim instanceof LeasedClaim) await this.verify(claim);
    await this.db.transaction(async (tx) => {
      await checkClaim(tx, id, claim);
      await tx.query(
        `INSERT INTO schedule_state (brief_id, record) VALUES ($1, $2)
         ON CONFLICT (brief_id) DO UPDATE SET record = excluded.record`,
        [id, JSON.stringify(record)],
      );
      await tx.query(
        `INSERT INTO schedule_runs (brief_id, slot, as_of, worker, started_at, finished_at,
           duration_ms, outcome, output)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [
          id,
          record.lastRun,
          record.asOf ?? record.lastRun.slice(0, 10),
          record.worker ?? workerId(),
          record.startedAt ?? record.finishedAt,
          record.finishedAt,
          record.durationMs ?? 0,
          record.output === undefined ? 'skipped' : 'built',
          record.output ?? null,
        ],
      );
    });
  }

  async recordDelivery(id: string, delivery: DeliveryRecord): Promise<void> {
    await this.db.transaction(async (tx) => {
      const [row] = await tx.query<{ record: BriefRunRecord | null }>(
        'SELECT record FROM schedule_state WHERE brief_id = $1 FOR UPDATE',
        [id],
      );
      if (row?.record?.lastRun !== delivery.slot) return;
      await tx.query('UPDATE schedule_state SET record = $2 WHERE brief_id = $1', [
        id,
        JSON.stringify({ ...row.record, delivery }),
      ]);
    });
  }

  async recordFailureNotice(id: string, slot: string): Promise<void> {
    await this.db.query(
      `INSERT INTO schedule_state (brief_id, failure_notice) VALUES ($1, $2)
       ON CONFLICT (brief_id) DO UPDATE SET failure_notice = excluded.failure_notice`,
      [id, slot],
    );
  }

  async recordFailure(id: string, failure: RunFailure): Promise<void> {
    await this.db.query(
      `INSERT INTO schedule_runs (brief_id, slot, as_of, worker, started_at, finished_at,
         duration_ms, outcome, error)
       VALUES ($1, $2, $3, $4, $5, $6, $7, 'failed', $8)`,
      [
        id,
        failure.slot,
        failure.asOf,
        failure.worker,
        failure.startedAt,
        failure.finishedAt,
        Date.parse(failure.finishedAt) - Date.parse(failure.startedAt),
        failure.error,
      ],
    );
  }

  async reset(id: string): Promise<boolean> {
    const rows = await this.db.query<{ existed: boolean }>(
      'DELETE FROM schedule_state WHERE brief_id = $1 RETURNING record IS NOT NULL AS existed',
      [id],
    );
    return rows[0]?.existed === true;
  }

  /** Claims whose worker still holds the lock (a dead worker's row is history), and the latest runs. */
  async activity(ids: readonly string[]) {
    const claims = await this.db.query<{
      id: string;
      worker: string;
      since: Date;
      lease_until: Date;
    }>(
      `SELECT c.brief_id AS id, c.worker, c.claimed_at AS since, c.expires_at AS lease_until
       FROM schedule_claims c
       WHERE c.brief_id = ANY($1::text[]) AND EXISTS (
         SELECT 1 FROM pg_locks l WHERE l.locktype = 'advisory' AND l.pid = c.backend_pid
           AND l.classid = $2::bigint::oid AND l.objsubid = 2 AND l.granted)
       ORDER BY c.brief_id`,
      [ids, CLAIMS],
    );
    const history = await this.db.query<{
      id: string;
      slot: string;
      as_of: string;
      worker: string;
      finished_at: Date;
      duration_ms: number;
      outcome: RunHistoryEntry['outcome'];
      output: string | null;
      error: string | null;
    }>(
      `SELECT brief_id AS id, slot, as_of, worker, finished_at, duration_ms, outcome, output, error
       FROM schedule_runs WHERE brief_id = ANY($1::text[])
       ORDER BY finished_at DESC, id DESC LIMIT $2`,
      [ids, HISTORY],
    );
    return {
      claims: claims.map((c): ActiveClaim => ({
        id: c.id,
        worker: c.worker,
        since: c.since.toISOString(),
        leaseUntil: c.lease_until.toISOString(),
      })),
      history: history.map((h): RunHistoryEntry => ({
        id: h.id,
        slot: h.slot,
        asOf: h.as_of,
        worker: h.worker,
        finishedAt: h.finished_at.toISOString(),
        durationMs: h.duration_ms,
        outcome: h.outcome,
        ...(h.output !== null ? { output: h.output } : {}),
        ...(h.error !== null ? { error: h.error } : {}),
      })),
    };
  }
}

/** A claim held on its own connection, its lease renewed until it is released. */
class LeasedClaim implements Claim {
  private readonly timer: NodeJS.Timeout;
  private released = false;

  constructor(
    readonly id: string,
    readonly token: string,
    private readonly session: Session,
    leaseSeconds: number,
  ) {
    this.timer = setInterval(
      () => {
        void session
          .query(
            `UPDATE schedule_claims SET expires_at = now() + make_interval(secs => $3)
           WHERE brief_id = $1 AND token = $2`,
            [id, token, leaseSeconds],
          )
          .catch(() => undefined);
      },
      (leaseSeconds * 1000) / 3,
    );
    this.timer.unref();
  }

  /** A round trip on the claim's connection: fails when the connection is gone. */
  async ping(): Promise<void> {
    await this.session.query('SELECT 1');
  }

  async release(): Promise<void> {
    if (this.released) return;
    this.released = true;
    clearInterval(this.timer);
    let broken = false;
    try {
      await this.session.query('DELETE FROM schedule_claims WHERE brief_id = $1 AND token = $2', [
        this.id,
        this.token,
      ]);
      await this.session.query('SELECT pg_advisory_unlock($1, $2)', [CLAIMS, claimKey(this.id)]);
    } catch (error) {
      broken = true; // closing the connection ends its lock
      throw error;
    } finally {
      this.session.release(broken);
    }
  }
}

/** The run is recorded only by the worker that still holds the brief's claim. */
async function checkClaim(tx: Queryable, id: string, claim: Claim): Promise<void> {
  const token = claim instanceof LeasedClaim ? claim.token : '';
  const [held] = await tx.query<{ worker: string }>(
    'SELECT worker FROM schedule_claims WHERE brief_id = $1 AND token = $2 FOR UPDATE',
    [id, token],
  );
  if (!held) throw claimLost(id);
}

function claimLost(id: string): BriefError {
  return new BriefError(
    'CLAIM_LOST',
    `${id}: another worker took this build over after its lease ran out; nothing was recorded`,
    {
      hint: 'a build that stops renewing its claim for longer than BRIEFGEN_LEASE_SECONDS is taken over; raise it if builds are slow',
    },
  );
}

/** A brief id as the second key of its advisory lock: FNV-1a, 32 bits, signed. */
function claimKey(id: string): number {
  let hash = 0x811c9dc5;
  for (const byte of Buffer.from(id, 'utf8')) hash = Math.imul(hash ^ byte, 0x01000193);
  return hash | 0;
}
