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
