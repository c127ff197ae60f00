/**
 * Wakes live subscribers when a commit lands. It carries no events: a woken subscriber re-reads the store,
 * so a slow consumer costs disk reads, never memory.
 */
export class CommitSignal {
  private pending!: Promise<void>;
  private wake!: () => void;

  constructor() {
    this.arm();
  }

  /** Resolves at the next commit (or when the store closes). Take it BEFORE reading, so no commit slips by. */
  next(): Promise<void> {
    return this.pending;
  }

  notify(): void {
    const wake = this.wake;
    this.arm();
    wake();
  }

  private arm(): void {
    this.pending = new Promise<void>((resolve) => {
      this.wake = resolve;
    });
  }
}
