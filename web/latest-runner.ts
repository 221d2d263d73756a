// Runs an async job for the latest request only: while one runs, newer requests replace each other,
// so a slow result never piles up behind the controls (at most one running and one waiting).

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
        // Shown even when a newer request waits: while a slider moves, the chart follows with the latest finished result.
        this.onResult(await this.run(request), request);
      } catch (error) {
        // An error of a request already superseded is not shown (the newer one decides).
        if (this.pending === null) this.onError(error instanceof Error ? error : new Error(String(error)), request);
      }
    }
    this.busy = false;
  }
}
