// The time helpers live in common/time.ts, outside src/, because the browser page runs them
// too and web/ imports nothing but types from src/. Re-exported here so src/ keeps one door.
export { HOUR_MS, DAY_MS, toMs, deadlineEndMs, toIso, toDate, isIsoDate, isIsoDateTime, minuteText } from '../../common/time.ts';
