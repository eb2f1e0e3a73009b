// The review status rule for the browser: the same function the build uses (dates.ts imports
// nothing, so it bundles as is), under the names the page script uses.
export { statusOn, todayUtc as utcDate, type StatusDates } from './dates.js';
