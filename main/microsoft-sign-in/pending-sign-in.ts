import type { LoopbackListener } from './loopback-listener';

/**
 * The one interactive sign-in in flight, so it can be cancelled. The sign-in waits on its own
 * loopback listener (loopback-listener.ts), so cancelling ends that wait directly; a cancel that
 * comes before the listener exists is remembered and applied as soon as it does.
 */
export class PendingSignIn {
  private listener: LoopbackListener | null = null;
  private cancelled = false;

  /** True once {@link cancel} was called. */
  get isCancelled(): boolean {
    return this.cancelled;
  }

  /** The listener this sign-in waits on; cancelled at once if the sign-in already was. */
  attach(listener: LoopbackListener): void {
    this.listener = listener;
    if (this.cancelled) listener.cancel();
  }

  /** Ends the sign-in as "cancelled". */
  cancel(): Promise<void> {
    this.cancelled = true;
    this.listener?.cancel();
    return Promise.resolve();
  }
}
