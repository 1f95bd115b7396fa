import { appFailure } from '../../shared/errors';
import type { SecretHandle } from '../../shared/stytch/views';
import type { Logger } from '../logging/logger';
import { fingerprint } from '../secrets/secret-messages';
import type { ClipboardPort } from './clipboard-port';

/** Timer functions, injected so tests drive the clock. */
export interface ClipboardTimers {
  setTimeout(callback: () => Promise<void>, ms: number): unknown;
  clearTimeout(timer: unknown): void;
}

/** What the clipboard service needs from the rest of main. */
export interface ClipboardServiceDeps {
  port: ClipboardPort;
  /** Reads a token by handle inside main (Secrets.readToken). */
  readToken(handle: SecretHandle): Promise<string>;
  /** How long a copied secret stays on the clipboard (settings.clipboardClearMs). */
  clearAfterMs(): Promise<number>;
  logger: Logger;
  timers?: ClipboardTimers;
}

/** What `clipboard:copy` answers: when the clipboard will be cleared, or null for plain text. */
export interface CopyOutcome {
  clearsInMs: number | null;
}

const NODE_TIMERS: ClipboardTimers = {
  setTimeout: (callback, ms) => setTimeout(() => void callback(), ms),
  clearTimeout: (timer) => clearTimeout(timer as ReturnType<typeof setTimeout>),
};

/**
 * Copying from main: plain text as is, secrets by handle (the value never leaves main) with the
 * platform's "secret" hints, cleared after a while, but only if the clipboard still holds that
 * secret, so whatever the user copied since is left alone. Only a fingerprint of the secret is
 * kept while the timer runs, never the value.
 */
export class ClipboardService {
  private pending: { timer: unknown; fingerprint: string } | null = null;
  private readonly timers: ClipboardTimers;

  constructor(private readonly deps: ClipboardServiceDeps) {
    this.timers = deps.timers ?? NODE_TIMERS;
  }

  /** Copies plain text (a Tenant URL, an id). */
  async copyText(text: string): Promise<CopyOutcome> {
    await this.write(() => this.deps.port.writeText(text));
    return { clearsInMs: null };
  }

  /** Copies the token behind `handle` and schedules the clipboard to be cleared. */
  async copySecret(handle: SecretHandle): Promise<CopyOutcome> {
    const value = await this.deps.readToken(handle);
    const clearsInMs = await this.deps.clearAfterMs();
    await this.write(() => this.deps.port.writeSecret(value));
    this.cancelPending();
    const print = fingerprint(value);
    const timer = this.timers.setTimeout(() => this.clearIfStillHolding(print), clearsInMs);
    this.pending = { timer, fingerprint: print };
    this.deps.logger.info('clipboard.secret-copied', { kind: handle.kind, clearsInMs });
    return { clearsInMs };
  }

  /** On quit: clears the clipboard now if it still holds a copied secret. */
  async dispose(): Promise<void> {
    const pending = this.pending;
    this.cancelPending();
    if (pending) await this.clearIfStillHolding(pending.fingerprint);
  }

  private async clearIfStillHolding(print: string): Promise<void> {
    if (this.pending?.fingerprint === print) this.pending = null;
    try {
      if (fingerprint(await this.deps.port.readText()) === print) {
        await this.deps.port.clear();
        this.deps.logger.info('clipboard.secret-cleared');
      }
    } catch (error) {
      this.deps.logger.warn('clipboard.clear-failed', { error });
    }
  }

  private cancelPending(): void {
    if (this.pending) this.timers.clearTimeout(this.pending.timer);
    this.pending = null;
  }

  private async write(action: () => Promise<void>): Promise<void> {
    try {
      await action();
    } catch (error) {
      this.deps.logger.warn('clipboard.write-failed', { error });
      throw appFailure(
        'CLIPBOARD_FAILED',
        'The app could not put this on the clipboard.',
        'Try again. If it keeps failing, close other apps that may be holding the clipboard (clipboard managers, remote desktop tools).',
        { retryable: true },
      );
    }
  }
}
