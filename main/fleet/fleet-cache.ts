import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';

import { z } from 'zod';

import { FleetRowSchema, FleetSweepStatusSchema } from '../../shared/fleet/fleet';
import type { Logger } from '../logging/logger';
import { removeStaleTempFiles, writeFileAtomic } from '../settings/atomic-write';
import { readSmallRegularFile } from '../settings/bounded-read';

/** The cache's file name in the app's data folder. */
export const FLEET_CACHE_FILE_NAME = 'connections-overview.json';

/** 5,000 rows take about 3 MB; anything far larger is not a file this app wrote. */
const MAX_CACHE_BYTES = 32 * 1024 * 1024;

/**
 * One cached row: the row the overview shows, plus when main last read it from Stytch and what
 * the search said of it then (to tell a changed connection from an unchanged one). Secret-free:
 * the token's last four characters are not kept either.
 */
export const CachedRowSchema = z.object({
  row: FleetRowSchema.omit({ tokenDaysLeft: true, provisional: true }),
  /** When Get SCIM connection was last read for this row (ISO 8601). */
  readAt: z.string(),
  /** The search's summary of the connection when it was read: id and expiry. */
  seen: z.string(),
});
export type CachedRow = z.infer<typeof CachedRowSchema>;

/** The sweep as persisted, so it can resume after a restart. */
export const SavedSweepSchema = z.object({
  status: FleetSweepStatusSchema,
  /** Organizations still to check, in order. */
  remaining: z.array(z.string()),
});
export type SavedSweep = z.infer<typeof SavedSweepSchema>;

/** The whole file: one project's rows. */
export const FleetCacheSchema = z.object({
  version: z.literal(1),
  projectId: z.string(),
  refreshedAt: z.string().nullable(),
  rows: z.array(CachedRowSchema),
  sweep: SavedSweepSchema.nullable(),
});
export type FleetCache = z.infer<typeof FleetCacheSchema>;

/** An empty cache for a project. */
export function emptyCache(projectId: string): FleetCache {
  return { version: 1, projectId, refreshedAt: null, rows: [], sweep: null };
}

/**
 * Rows serialized per piece of the file (tens of kilobytes): a piece is held while it is written,
 * and with 250 rows a sweep promoted ~4 times more of them out of the young generation.
 */
const ROWS_PER_PIECE = 50;

/**
 * The cache file's text in pieces, each made only when the one before is written: 5,000 rows
 * were one string of ~3 MB (twice that once a row holds a curly quote, as the sweep's
 * advice does), a deep copy of every row before it (the schema's parse), and a buffer of the
 * same size, at every save. Each piece goes through the schema, so only its fields reach the
 * file. The sweep's state is taken first and the rows after: a row checked while the file is
 * written may be checked again after a restart, never skipped.
 */
function* cacheFileText(cache: FleetCache): Generator<string> {
  const { rows, ...head } = cache;
  const headText = JSON.stringify(FleetCacheSchema.omit({ rows: true }).parse(head));
  yield `${headText.slice(0, -1)},"rows":[`;
  for (let start = 0; start < rows.length; start += ROWS_PER_PIECE) {
    const piece = rows
      .slice(start, start + ROWS_PER_PIECE)
      .map((row) => CachedRowSchema.parse(row));
    yield `${start === 0 ? '' : ','}${JSON.stringify(piece).slice(1, -1)}`;
  }
  yield ']}';
}

/**
 * The overview's cache file, beside settings.json and written the same way (atomic rename,
 * bounded read). A file that does not parse is ignored and replaced (it is only a cache); one
 * for another project is ignored.
 */
export class FleetCacheFile {
  private writing: Promise<void> | null = null;
  private pending: FleetCache | null = null;
  private prepared = false;

  constructor(private readonly deps: { dir: string; logger: Logger }) {}

  private get path(): string {
    return join(this.deps.dir, FLEET_CACHE_FILE_NAME);
  }

  /** The project's cache, or an empty one. */
  async load(projectId: string): Promise<FleetCache> {
    const read = await readSmallRegularFile(this.path, MAX_CACHE_BYTES);
    if (read.kind === 'missing') return emptyCache(projectId);
    if (read.kind === 'refused') {
      this.deps.logger.warn('fleet.cache-unreadable', { reason: read.reason });
      return emptyCache(projectId);
    }
    let parsed: ReturnType<typeof FleetCacheSchema.safeParse>;
    try {
      parsed = FleetCacheSchema.safeParse(JSON.parse(read.text));
    } catch {
      parsed = FleetCacheSchema.safeParse(null);
    }
    if (!parsed.success) {
      this.deps.logger.warn('fleet.cache-ignored', { reason: 'not a cache this app wrote' });
      return emptyCache(projectId);
    }
    return parsed.data.projectId === projectId ? parsed.data : emptyCache(projectId);
  }

  /**
   * Writes the cache. Saves asked while a write runs are folded into one, serialized when it
   * starts: the newest state wins, and 5,000 rows are not held as many pending copies.
   */
  save(cache: FleetCache): Promise<void> {
    this.pending = cache;
    this.writing ??= this.drain().finally(() => {
      this.writing = null;
    });
    return this.writing;
  }

  private async drain(): Promise<void> {
    while (this.pending !== null) {
      const cache = this.pending;
      this.pending = null;
      try {
        if (!this.prepared) {
          // Once per run, before the first write: a killed run may have left a temp file.
          await mkdir(this.deps.dir, { recursive: true });
          await removeStaleTempFiles(this.path).catch(() => 0);
          this.prepared = true;
        }
        await writeFileAtomic(this.path, cacheFileText(cache));
      } catch (error) {
        this.deps.logger.warn('fleet.cache-write-failed', { error });
      }
    }
  }
}
