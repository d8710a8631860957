/**
 * A sleep that `stop()` can cut short, so shutting a relay down never waits out an idle
 * poll interval or an error back-off.
 */
export class InterruptibleDelay {
  private pending: { timer: NodeJS.Timeout; resolve: () => void } | undefined;

  wait(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.pending = undefined;
        resolve();
      }, ms);
      this.pending = { timer, resolve };
    });
  }

  interrupt(): void {
    const pending = this.pending;
    if (pending === undefined) return;
    this.pending = undefined;
    clearTimeout(pending.timer);
    pending.resolve();
  }
}
