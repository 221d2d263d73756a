// Runs an async job for the latest request only: while one runs, newer requests replace each other,
// so a slow result never piles up behind the controls.

export class LatestRunner<I, R> {
  private pending: I | null = null;
  private busy = false;

  constructor(
    private readonly run: (request: I) => Promise<R>,
    private readonly onResult: (result: R, request: I) => void,
    private readonly onError: (error: Error, request: I) => void,
  ) {}

  /** Ask for `request`; it runs now if idle, else after the running one (replacing any waiting one). */
  request(request: I): void {
    this.pending = request;
    if (!this.busy) void this.pump();
  }

  private async pump(): Promise<void> {
    this.busy = true;
    while (this.pending !== null) {
      const request = this.pending;
      this.pending = null;
      try {
        const result = await this.run(request);
        // A newer request is waiting: skip drawing this stale result, go straight to the newer one.
        if (this.pending === null) this.onResult(result, request);
      } catch (error) {
        if (this.pending === null) this.onError(error instanceof Error ? error : new Error(String(error)), request);
      }
    }
    this.busy = false;
  }
}
