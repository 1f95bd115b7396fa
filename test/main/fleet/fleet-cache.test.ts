import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import {
  FLEET_CACHE_FILE_NAME,
  FleetCacheFile,
  emptyCache,
  type CachedRow,
} from '../../../main/fleet/fleet-cache';
import { captureLogger } from '../../support/capture-logger';

function row(index: number): CachedRow {
  return {
    row: {
      organizationId: `organization-${index}`,
      organizationName: `Organization “${index}”`,
      connectionId: `connection-${index}`,
      connectionStatus: 'active',
      identityProvider: 'microsoft-entra',
      tokenExpiresAt: null,
      rotationPending: false,
      tokenHeld: index % 2 === 0,
      lastHealth: { verdict: 'passed', at: '2026-01-01T00:00:00.000Z' },
      entraJob: null,
      entraLink: null,
    },
    readAt: '2026-01-01T00:00:00.000Z',
    seen: `connection-${index}|`,
  };
}

describe('FleetCacheFile', () => {
  it('writes 1,000 rows in pieces that read back as the same cache, with no field the schema lacks', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'fleet-cache-'));
    const files = new FleetCacheFile({ dir, logger: captureLogger().logger });
    const cache = { ...emptyCache('project-1'), refreshedAt: '2026-01-01T00:00:00.000Z' };
    cache.rows = Array.from({ length: 1_000 }, (_, index) => row(index));
    // A field no row may carry to disk: the schema leaves it out of the file.
    Object.assign(cache.rows[300]?.row ?? {}, { token: 'secret-token-value' });

    await files.save(cache);

    const text = await readFile(join(dir, FLEET_CACHE_FILE_NAME), 'utf8');
    expect(text).not.toContain('secret-token-value');
    const loaded = await new FleetCacheFile({ dir, logger: captureLogger().logger }).load(
      'project-1',
    );
    expect(loaded.rows.map((cached) => cached.row.organizationId)).toEqual(
      Array.from({ length: 1_000 }, (_, index) => `organization-${index}`),
    );
    expect(loaded.rows[7]).toEqual(row(7));
    expect(loaded.refreshedAt).toBe('2026-01-01T00:00:00.000Z');
  });

  it('writes an empty cache that reads back empty', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'fleet-cache-'));
    const files = new FleetCacheFile({ dir, logger: captureLogger().logger });
    await files.save(emptyCache('project-1'));
    const loaded = await files.load('project-1');
    expect(loaded).toEqual(emptyCache('project-1'));
  });
});
