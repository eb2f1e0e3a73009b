// The review status rule for the browser: the same functions the build uses (dates.ts imports
// only memo.ts, which imports nothing, so it bundles as is), under the names the page script
// uses. `withProblems` keeps a page the build found incomplete incomplete: only a later date can
// make it expired, never green.
export { statusOn, withProblems, todayUtc as utcDate, type StatusDates } from './dates.js';
