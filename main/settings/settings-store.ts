import { mkdir, readFile, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';

import { appFailure, type AppError } from '../../shared/errors';
import {
  DEFAULT_SETTINGS,
  SettingsSchema,
  type Settings,
  type SettingsPatch,
} from '../../shared/settings/settings';
import type { Logger } from '../logging/logger';
import { errorCode, writeFileAtomic } from './atomic-write';

/** The settings file's name inside the app's data folder. */
export const SETTINGS_FILE_NAME = 'settings.json';

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
    json = JSON.parse(text);
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
 * zod-checked; a damaged file is moved aside (never silently overwritten) and reported once
 * through {@link takeProblem}, and the app carries on with defaults. Every change is written
 * atomically, one at a time, and the in-memory copy changes only once the file is written.
 */
export class SettingsStore {
  private loaded: Promise<Loaded> | null = null;
  private problem: AppError | null = null;
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
    return this.mutate((current) => ({
      ...current,
      ...(patch.organizationId !== undefined ? { organizationId: patch.organizationId } : {}),
      ...(patch.wizard !== undefined ? { wizard: patch.wizard } : {}),
      ...(patch.clipboardClearMs !== undefined ? { clipboardClearMs: patch.clipboardClearMs } : {}),
    }));
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
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (error) {
      if (codeOf(error) === 'ENOENT')
        return { settings: structuredClone(DEFAULT_SETTINGS), problem: null };
      this.options.logger.warn('settings.read-failed', { code: codeOf(error) });
      return {
        settings: structuredClone(DEFAULT_SETTINGS),
        problem: {
          code: 'SETTINGS_CORRUPT',
          message: `The app could not read its settings file (${codeOf(error)}), so it started with default settings.`,
          hint: "Check that you can read and write the app's data folder, then restart the app.",
        },
      };
    }
    const parsed = parseSettings(text);
    if ('settings' in parsed) {
      if (parsed.outdated) await this.migrate(parsed.settings);
      return { settings: parsed.settings, problem: null };
    }
    return {
      settings: structuredClone(DEFAULT_SETTINGS),
      problem: await this.moveAside(parsed.reason),
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

  private async moveAside(reason: string): Promise<AppError> {
    const aside = corruptFileName(this.now());
    let kept = `The damaged file was kept as ${aside} in the app's data folder.`;
    try {
      await rename(this.path, join(this.options.dir, aside));
      this.options.logger.warn('settings.corrupt-moved-aside', { reason, movedTo: aside });
    } catch (error) {
      this.options.logger.error('settings.corrupt-move-failed', { reason, code: codeOf(error) });
      kept = `Copy ${SETTINGS_FILE_NAME} from the app's data folder now if you want to keep it: the next change replaces it.`;
    }
    return {
      code: 'SETTINGS_CORRUPT',
      message: `The settings file was damaged (${reason}), so the app started with default settings.`,
      hint: `${kept} Your secrets are in the keychain and are not affected: connect to Stytch and choose your organization again.`,
    };
  }

  private async write(settings: Settings): Promise<void> {
    try {
      await mkdir(this.options.dir, { recursive: true });
      await writeFileAtomic(this.path, `${JSON.stringify(settings, null, 2)}\n`);
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
