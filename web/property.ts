// An observable value (as PhET's Property): read `.value`, set it, and listeners linked to it run on each change.

export type Listener<T> = (value: T, old: T) => void;

export class Property<T> {
  private current: T;
  private readonly listeners = new Set<Listener<T>>();

  constructor(initial: T) {
    this.current = initial;
  }

  get value(): T {
    return this.current;
  }

  /** Set the value; listeners run when it changed (Object.is), in the order they were linked. */
  set value(next: T) {
    if (Object.is(next, this.current)) return;
    const old = this.current;
    this.current = next;
    for (const listener of [...this.listeners]) listener(next, old);
  }

  /** Run `listener` now and on every change; returns the unlink function. */
  link(listener: Listener<T>): () => void {
    this.listeners.add(listener);
    listener(this.current, this.current);
    return () => this.listeners.delete(listener);
  }

  /** Run `listener` on every change from now on (not now); returns the unlink function. */
  lazyLink(listener: Listener<T>): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
