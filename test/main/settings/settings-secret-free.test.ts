import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { appFailure } from '../../../shared/errors';
import { SettingsSchema } from '../../../shared/settings/settings';
import { MemorySecretStore } from '../../support/keychain';
import { FakeClipboard } from '../../support/fake-clipboard';
import { allFileText } from '../../support/file-text';
import { buildServices } from '../../support/compose-services';
import { captureLogger } from '../../support/capture-logger';

/** Every field path of a zod schema, through objects, arrays, records and wrappers. */
function fieldPaths(schema: z.ZodType, prefix = ''): string[] {
  if (schema instanceof z.ZodObject) {
    return Object.entries(schema.shape as Record<string, z.ZodType>).flatMap(([key, inner]) => [
      `${prefix}${key}`,
      ...fieldPaths(inner, `${prefix}${key}.`),
    ]);
  }
  if (schema instanceof z.ZodArray) return fieldPaths(schema.element as z.ZodType, prefix);
  if (schema instanceof z.ZodRecord)
    return fieldPaths(schema.valueType as z.ZodType, `${prefix}*.`);
  if (
    schema instanceof z.ZodNullable ||
    schema instanceof z.ZodOptional ||
    schema instanceof z.ZodDefault
  ) {
    return fieldPaths(schema.unwrap() as z.ZodType, prefix);
  }
  return [];
}

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'settings-secret-free-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('the settings file holds nothing secret', () => {
  it('has no field meant for a secret in its schema', () => {
    const paths = fieldPaths(SettingsSchema);
    expect(paths).toContain('wizard.currentStep');
    expect(paths).toContain('knownConnections.connectionId');
    expect(
      paths.filter((path) => /secret|token|password|credential|bearer|key/i.test(path)),
    ).toEqual([]);
  });

  it('contains no secret value after a full lifecycle, keychain refusals included', async () => {
    const store = new MemorySecretStore();
    const { logger } = captureLogger();
    const services = buildServices({
      dataDir: dir,
      secretStore: store,
      clipboardPort: new FakeClipboard(),
      logger,
    });
    const secrets = [
      'secret-test-project-value-0001',
      'token-created-value-0002',
      'token-next-value-0003',
      'token-memory-only-value-0004',
      'token-memory-next-value-0005',
    ];
    const [projectSecret = '', created = '', next = '', memoryOnly = '', memoryNext = ''] = secrets;
    const conn = (connectionId: string) => ({
      projectId: 'project-test-1',
      organizationId: 'org-1',
      connectionId,
    });

    await services.settings.mutate((s) => ({
      ...s,
      projectId: 'project-test-1',
      environment: 'test',
    }));
    await services.secrets.saveProjectSecret('project-test-1', projectSecret);
    await services.settings.update({ organizationId: 'org-1' });
    await services.secrets.saveCreatedToken(conn('conn-1'), created);
    await services.secrets.saveNextToken(conn('conn-1'), next);
    await services.secrets.completeRotation('conn-1');
    store.breakWith(appFailure('SECRET_STORE_LOCKED', 'The keychain is locked.', 'Unlock it.'));
    const kept = await services.secrets.saveCreatedToken(conn('conn-2'), memoryOnly);
    await services.secrets.saveNextToken(conn('conn-2'), memoryNext);
    expect(kept.token.storage).toBe('memory');

    const onDisk = await allFileText(dir);
    expect(onDisk).toContain('conn-2');
    for (const secret of secrets) expect(onDisk).not.toContain(secret);

    store.breakWith(null);
    await services.secrets.cancelRotation('conn-2');
    await services.secrets.deleteConnection('conn-1');
    await services.secrets.forgetProject('project-test-1');
    const afterForget = await allFileText(dir);
    for (const secret of secrets) expect(afterForget).not.toContain(secret);
    expect(SettingsSchema.parse(JSON.parse(afterForget)).knownConnections).toEqual([]);
  });
});
