export {
  asOfDate,
  describeSchedule,
  dueSlots,
  nextRun,
  scheduleProblem,
  ON_TIME_MS,
  type Schedule,
} from './schedule.js';
export {
  runDue,
  type BuildOutcome,
  type BuildRequest,
  type DeliveryOutcome,
  type RunDueResult,
  type ScheduledBrief,
} from './runDue.js';
export {
  inspectState,
  readState,
  repairState,
  resetBrief,
  statePaths,
  type BriefRunRecord,
  type DeliveryRecord,
  type ScheduleState,
  type StatePaths,
  type StateReading,
} from './stateFile.js';
export { lockHolder, tryLock, STALE_LOCK_MS } from './lock.js';
export {
  DEFAULT_LEASE_SECONDS,
  FileScheduleStore,
  workerId,
  type ActiveClaim,
  type Claim,
  type RunFailure,
  type RunHistoryEntry,
  type ScheduleStore,
} from './scheduleStore.js';
export { parseIsoDateTime } from './isoTime.js';
export { fileModelHistory, MODELS_KEPT, type ModelHistory } from './modelHistory.js';
