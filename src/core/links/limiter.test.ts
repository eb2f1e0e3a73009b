import { describe, expect, it } from 'vitest';
import { forEachByHost, HostLimiter } from './limiter.js';

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('HostLimiter', () => {
  it('grants under both limits and lets a free host pass a busy one', async () => {
    const limiter = new HostLimiter(3, 2);
    const granted: string[] = [];
    const releases: Array<() => void> = [];
    for (const host of ['a', 'a', 'a', 'b']) void limiter.acquire(host).then((release) => (granted.push(host), releases.push(release)));
    await tick();
    expect(granted).toEqual(['a', 'a', 'b']); // the third 'a' waits for its host, 'b' does not
    expect(limiter.inFlight).toBe(3);
    releases[0]();
    await tick();
    expect(granted).toEqual(['a', 'a', 'b', 'a']);
    releases[0](); // releasing twice frees one slot only
    expect(limiter.inFlight).toBe(3);
  });
});

describe('forEachByHost', () => {
  it('takes hosts in turn, keeps to the window and the per-host limit, and runs everything once', async () => {
    const started: string[] = [];
    const running = new Map<string, number>();
    let peakTotal = 0;
    let peakPerHost = 0;
    const items = ['a1', 'a2', 'a3', 'a4', 'a5', 'b1', 'c1'];
    await forEachByHost(items, (item) => item[0], 3, 2, async (item) => {
      started.push(item);
      running.set(item[0], (running.get(item[0]) ?? 0) + 1);
      peakTotal = Math.max(peakTotal, [...running.values()].reduce((a, b) => a + b, 0));
      peakPerHost = Math.max(peakPerHost, ...running.values());
      await tick();
      running.set(item[0], running.get(item[0])! - 1);
    });
    expect(started.slice(0, 3)).toEqual(['a1', 'b1', 'c1']);
    expect([...started].sort()).toEqual([...items].sort());
    expect(peakTotal).toBe(3);
    expect(peakPerHost).toBe(2);
  });

  it('finishes at once with nothing to do', async () => {
    await expect(forEachByHost([], () => 'x', 4, 2, async () => undefined)).resolves.toBeUndefined();
  });
});
