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
  type RunDueResult,
  type ScheduledBrief,
} from './runDue.js';
export { readState, statePaths, type ScheduleState, type StatePaths } from './stateFile.js';
export { tryLock, STALE_LOCK_MS } from './lock.js';
