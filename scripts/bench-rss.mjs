// Preloaded into every benchmarked Node process (NODE_OPTIONS=--import): on exit, writes the
// process's peak resident set size (getrusage ru_maxrss, which covers its worker threads) and
// its CPU time (user + system, all threads) to $VIGIL_BENCH_RSS_DIR/<pid>.json. CPU time is the
// figure to trust on a busy machine, where wall time also counts waiting for a core. Works wherever Node does, with or without GNU time.
import { writeFileSync } from 'node:fs';
import { isMainThread } from 'node:worker_threads';

const dir = process.env.VIGIL_BENCH_RSS_DIR;
if (dir && isMainThread) {
  process.on('exit', () => {
    try {
      const usage = process.resourceUsage();
      const cpuS = (usage.userCPUTime + usage.systemCPUTime) / 1e6;
      writeFileSync(`${dir}/${process.pid}.json`, JSON.stringify({ maxRssKiB: usage.maxRSS, cpuS }));
    } catch {
      // the benchmark reports a missing figure; the tool's own exit must not change
    }
  });
}
