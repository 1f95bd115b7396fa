import { mkdir, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';

import { AppFailure, appFailure, type AppError } from '../../shared/errors';
import {
  DEFAULT_SETTINGS,
  SettingsSchema,
  type Settings,
  type SettingsPatch,
} from '../../shared/settings/settings';
import type { Logger } from '../logging/logger';
import { errorCode, removeStaleTempFiles, writeFileAtomic } from './atomic-write';
import { readSmallRegularFile } from './bounded-read';

/** The settings file's name inside the app's data folder. */
export const SETTINGS_FILE_NAME = 'settings.json';

/** The largest settings file the app reads or writes; a real one is a few KB. */
const MAX_SETTINGS_BYTES = 1024 * 1024;

/** Notepad and some editors start a UTF-8 file with a byte order mark; JSON.parse refuses it. */
const BYTE_ORDER_MARK = '\uFEFF';

/** The name a damaged settings file is moved to: `settings.corrupt-<timestamp>.json`. */
export function corruptFileName(at: Date): string {
  return `settings.corrupt-${at.toISOString().replace(/[:.]/g, '-')}.json`;
}

/** How to build a {@link SettingsStore}. */
export interface SettingsStoreOptions {
  /** The app's data folder (Electron's userData in the app, a temp folder in tests). */
  dir: string;
  logger: Logger;
  now?: () => Date;
}

type Loaded = { settings: Settings; problem: AppError | null };

function codeOf(error: unknown): string {
  return errorCode(error) ?? 'unknown error';
}

/**
 * Parses the file's text; a reason for the user when it is not valid settings. `outdated` when the
 * file holds fields this version no longer keeps, so it is rewritten without them.
 */
function parseSettings(
  text: string,
): { settings: Settings; outdated: boolean } | { reason: string } {
  let json: unknown;
  try {
    json = JSON.parse(text.startsWith(BYTE_ORDER_MARK) ? text.slice(1) : text);
  } catch {
    return { reason: 'it is not valid JSON' };
  }
  const parsed = SettingsSchema.safeParse(json);
  if (parsed.success) {
    const kept = new Set(Object.keys(parsed.data));
    const outdated = Object.keys(json as object).some((key) => !kept.has(key));
    return { settings: parsed.data, outdated };
  }
  const fields = [...new Set(parsed.error.issues.map((i) => i.path.join('.') || '(file)'))];
  return { reason: `these fields are not valid: ${fields.slice(0, 5).join(', ')}` };
}

/**
 * The non-secret settings in `settings.json` under the app's data folder. Read once and
 * zod-checked; a damaged or unreadable file (not a regular file, over {@link MAX_SETTINGS_BYTES},
 * refused by the OS) is moved aside and reported once through {@link takeProblem}, and the app
 * carries on with defaults. Such a file is never overwritten: if it cannot be moved aside, every
 * change is refused. Every change is written atomically, one at a time, and the in-memory copy
 * changes only once the file is written.
 */
export class SettingsStore {
  private loaded: Promise<Loaded> | null = null;
  private problem: AppError | null = null;
  /** Set when a file the app could not use is still in place: saving would destroy it. */
  private writesRefused: AppError | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly now: () => Date;

  constructor(private readonly options: SettingsStoreOptions) {
    this.now = options.now ?? (() => new Date());
  }

  /** The file's path. */
  get path(): string {
    return join(this.options.dir, SETTINGS_FILE_NAME);
  }

  /** The current settings (loaded from disk on first use). */
  async get(): Promise<Settings> {
    return (await this.load()).settings;
  }

  /** The problem found when loading (damaged or unreadable file), returned once, then null. */
  takeProblem(): AppError | null {
    const problem = this.problem;
    this.problem = null;
    return problem;
  }

  /** Applies a change the renderer asked for (`settings:update`). */
  async update(patch: SettingsPatch): Promise<Settings> {
    // Every field the patch carries, so a field added to SettingsPatchSchema is saved without a
    // second list here; mutate parses the result against the full schema before writing. A key
    // present as undefined (possible from zod's optional) means "unchanged", not "clear it".
    const entries: [string, unknown][] = Object.entries(patch);
    const fields = Object.fromEntries(
      entries.filter(([, value]) => value !== undefined),
    ) as Partial<Settings>;
    // A name belongs to its organization: another organization without one clears the old name.
    if (fields.organizationId !== undefined && fields.organizationName === undefined)
      fields.organizationName = null;
    return this.mutate((current) => ({ ...current, ...fields }));
  }

  /**
   * Applies a change made by main (project id, the connection index). The result
   * is checked against the schema before it is written. Throws SETTINGS_WRITE_FAILED.
   */
  async mutate(change: (current: Settings) => Settings): Promise<Settings> {
    const run = this.queue.then(async () => {
      const state = await this.load();
      const next = SettingsSchema.parse(change(state.settings));
      // A change that changes nothing costs no write (and no fsync).
      if (isDeepStrictEqual(next, state.settings)) return state.settings;
      await this.write(next);
      state.settings = next;
      return next;
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  private load(): Promise<Loaded> {
    this.loaded ??= this.readFromDisk().then((loaded) => {
      this.problem = loaded.problem;
      return loaded;
    });
    return this.loaded;
  }

  private async readFromDisk(): Promise<Loaded> {
    // The app runs as a single instance and nothing has been written yet, so any temp file of
    // ours is a leftover of a write that was killed before its rename.
    const removed = await removeStaleTempFiles(this.path);
    if (removed > 0) this.options.logger.info('settings.stale-temp-files-removed', { removed });
    const read = await readSmallRegularFile(this.path, MAX_SETTINGS_BYTES);
    if (read.kind === 'missing')
      return { settings: structuredClone(DEFAULT_SETTINGS), problem: null };
    if (read.kind === 'refused') {
      this.options.logger.warn('settings.read-failed', { reason: read.reason });
      return {
        settings: structuredClone(DEFAULT_SETTINGS),
        problem: await this.moveAside(
          read.reason,
          `The app could not use its settings file (${read.reason}), so it started with default settings.`,
        ),
      };
    }
    const parsed = parseSettings(read.text);
    if ('settings' in parsed) {
      if (parsed.outdated) await this.migrate(parsed.settings);
      return { settings: parsed.settings, problem: null };
    }
    return {
      settings: structuredClone(DEFAULT_SETTINGS),
      problem: await this.moveAside(
        parsed.reason,
        `The settings file was damaged (${parsed.reason}), so the app started with default settings.`,
      ),
    };
  }

  /** Rewrites a file that holds fields this version dropped; if that fails, the next change will. */
  private async migrate(settings: Settings): Promise<void> {
    try {
      await this.write(settings);
      this.options.logger.info('settings.migrated', {});
    } catch {
      // write() logged it; the settings in memory are already the migrated ones.
    }
  }

  /** Moves the file the app could not use out of the way; if that fails, refuses every write. */
  private async moveAside(reason: string, message: string): Promise<AppError> {
    const aside = corruptFileName(this.now());
    const secretsUnaffected =
      'Your secrets are in the keychain and are not affected: connect to Stytch and choose your organization again.';
    try {
      await rename(this.path, join(this.options.dir, aside));
      this.options.logger.warn('settings.corrupt-moved-aside', { reason, movedTo: aside });
      return {
        code: 'SETTINGS_CORRUPT',
        message,
        hint: `The file was kept as ${aside} in the app's data folder. ${secretsUnaffected}`,
      };
    } catch (error) {
      this.options.logger.error('settings.corrupt-move-failed', { reason, code: codeOf(error) });
      this.writesRefused = {
        code: 'SETTINGS_WRITE_FAILED',
        message: `The app did not save your change: it will not replace a settings file it could not use (${reason}).`,
        hint: `Move ${SETTINGS_FILE_NAME} out of the app's data folder (or make it readable), then restart the app.`,
      };
      return {
        code: 'SETTINGS_CORRUPT',
        message,
        hint: `The app will not replace it, so changes cannot be saved until you move ${SETTINGS_FILE_NAME} out of the app's data folder (or make it readable) and restart the app. ${secretsUnaffected}`,
      };
    }
  }

  private async write(settings: Settings): Promise<void> {
    if (this.writesRefused) throw new AppFailure(this.writesRefused);
    const content = `${JSON.stringify(settings, null, 2)}\n`;
    const bytes = Buffer.byteLength(content, 'utf8');
    // A file over the limit would be refused at the next start, so it is never written.
    if (bytes > MAX_SETTINGS_BYTES) {
      this.options.logger.error('settings.too-large', { bytes });
      throw appFailure(
        'SETTINGS_WRITE_FAILED',
        'The app did not save its settings: they grew larger than it would read back.',
        'Use "Forget this project" on the Connect to Stytch step for projects you no longer set up, then try again.',
      );
    }
    try {
      await mkdir(this.options.dir, { recursive: true });
      await writeFileAtomic(this.path, content);
    } catch (error) {
      this.options.logger.error('settings.write-failed', { code: codeOf(error) });
      throw appFailure(
        'SETTINGS_WRITE_FAILED',
        `The app could not save its settings (${codeOf(error)}).`,
        "Check that the disk has free space and that you can write to the app's data folder, then try again.",
        { retryable: true },
      );
    }
  }
}
