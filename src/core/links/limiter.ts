// Grants request slots under two limits at once: a global one and a per-host one.
// A waiter for a busy host never holds a global slot, so one slow host cannot stall the others.

export type Release = () => void;

interface Waiter {
  host: string;
  grant: (release: Release) => void;
}

export class HostLimiter {
  private active = 0;
  private readonly perHostActive = new Map<string, number>();
  private waiting: Waiter[] = [];

  constructor(
    private readonly globalLimit: number,
    private readonly perHostLimit: number,
    private readonly onChange?: () => void,
  ) {}

  /** Requests in flight right now. */
  get inFlight(): number {
    return this.active;
  }

  acquire(host: string): Promise<Release> {
    return new Promise((grant) => {
      this.waiting.push({ host, grant });
      this.pump();
    });
  }

  private pump(): void {
    if (this.active >= this.globalLimit || this.waiting.length === 0) return;
    const still: Waiter[] = [];
    for (const waiter of this.waiting) {
      const hostActive = this.perHostActive.get(waiter.host) ?? 0;
      if (this.active < this.globalLimit && hostActive < this.perHostLimit) {
        this.active++;
        this.perHostActive.set(waiter.host, hostActive + 1);
        waiter.grant(this.releaser(waiter.host));
      } else {
        still.push(waiter);
      }
    }
    this.waiting = still;
    this.onChange?.();
  }

  private releaser(host: string): Release {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.active--;
      const left = (this.perHostActive.get(host) ?? 1) - 1;
      if (left > 0) this.perHostActive.set(host, left);
      else this.perHostActive.delete(host);
      this.pump();
      this.onChange?.();
    };
  }
}

/**
 * Runs `task` for every item, at most `window` at a time and at most `perHost` per host at a time,
 * taking hosts in turn so that one host's long list does not hold back the others. Only the running
 * tasks exist at any moment, so memory stays flat however many items there are.
 */
export function forEachByHost<T>(
  items: T[],
  hostOf: (item: T) => string,
  window: number,
  perHost: number,
  task: (item: T, index: number) => Promise<void>,
): Promise<void> {
  const queues = new Map<string, { indexes: number[]; next: number; running: number }>();
  items.forEach((item, index) => {
    const host = hostOf(item);
    let queue = queues.get(host);
    if (!queue) queues.set(host, (queue = { indexes: [], next: 0, running: 0 }));
    queue.indexes.push(index);
  });
  const hosts = [...queues.keys()];
  let cursor = 0;
  let running = 0;
  let remaining = items.length;
  return new Promise((resolve, reject) => {
    if (remaining === 0) return resolve();
    const startMore = (): void => {
      while (running < window && hosts.length > 0) {
        let at = -1;
        for (let tries = 0; tries < hosts.length; tries++) {
          const position = (cursor + tries) % hosts.length;
          if (queues.get(hosts[position])!.running < perHost) {
            at = position;
            break;
          }
        }
        if (at < 0) return; // every host with work is at its limit: a finishing task calls again
        const queue = queues.get(hosts[at])!;
        const index = queue.indexes[queue.next++];
        if (queue.next === queue.indexes.length) {
          hosts.splice(at, 1); // this host has no more work; the next one slides into its place
          cursor = hosts.length > 0 ? at % hosts.length : 0;
        } else {
          cursor = (at + 1) % hosts.length;
        }
        running++;
        queue.running++;
        task(items[index], index).then(() => {
          running--;
          queue.running--;
          if (--remaining === 0) resolve();
          else startMore();
        }, reject);
      }
    };
    startMore();
  });
}
