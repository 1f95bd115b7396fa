import type { ClipboardPort } from '../../main/clipboard/clipboard-port';
import type { ClipboardTimers } from '../../main/clipboard/clipboard-service';

/** A clipboard in a variable, recording whether the last write was marked secret. */
export class FakeClipboard implements ClipboardPort {
  text = '';
  markedSecret = false;
  failWrites = false;
  writes: { text: string; secret: boolean }[] = [];

  writeText(text: string): Promise<void> {
    return this.write(text, false);
  }

  writeSecret(text: string): Promise<void> {
    return this.write(text, true);
  }

  readText(): Promise<string> {
    return Promise.resolve(this.text);
  }

  clear(): Promise<void> {
    this.text = '';
    this.markedSecret = false;
    return Promise.resolve();
  }

  /** What another app copying something would do. */
  copyFromElsewhere(text: string): void {
    this.text = text;
    this.markedSecret = false;
  }

  private write(text: string, secret: boolean): Promise<void> {
    if (this.failWrites) {
      return Promise.reject(new Error('OpenClipboard failed (held by another process)'));
    }
    this.text = text;
    this.markedSecret = secret;
    this.writes.push({ text, secret });
    return Promise.resolve();
  }
}

/** A clock that only moves when the test says so. */
export class FakeTimers implements ClipboardTimers {
  private now = 0;
  private nextId = 1;
  private readonly due = new Map<number, { at: number; callback: () => Promise<void> }>();

  setTimeout(callback: () => Promise<void>, ms: number): unknown {
    const id = this.nextId++;
    this.due.set(id, { at: this.now + ms, callback });
    return id;
  }

  clearTimeout(timer: unknown): void {
    this.due.delete(timer as number);
  }

  /** How many timers are waiting. */
  get pending(): number {
    return this.due.size;
  }

  /** Moves the clock forward, firing (and awaiting) every timer that falls due, in order. */
  async advance(ms: number): Promise<void> {
    const until = this.now + ms;
    for (;;) {
      const next = [...this.due.entries()]
        .filter(([, t]) => t.at <= until)
        .sort((a, b) => a[1].at - b[1].at)[0];
      if (!next) break;
      this.due.delete(next[0]);
      this.now = next[1].at;
      await next[1].callback();
    }
    this.now = until;
  }
}
