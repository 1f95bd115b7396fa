import { readFileSync } from 'node:fs';

/**
 * Microsoft's documented example answers, one file each in test/fixtures/graph/ (its README.md names the
 * page each was copied from and what was changed to make it valid JSON).
 */
export type DocSampleName =
  | 'applicationtemplate-instantiate'
  | 'approleassignedto-list'
  | 'approleassignedto-post'
  | 'cross-tenant-post-jobs'
  | 'group-list-select'
  | 'provisioningobjectsummary-list-error'
  | 'provisioningobjectsummary-list-success'
  | 'provisionondemand-cross-tenant'
  | 'provisionondemand-group'
  | 'provisionondemand-user'
  | 'serviceprincipal-get'
  | 'serviceprincipal-list'
  | 'synchronization-list-jobs'
  | 'synchronization-list-templates'
  | 'synchronization-post-jobs'
  | 'synchronizationjob-get-quarantine'
  | 'synchronizationschema-get'
  | 'user-list'
  | 'user-list-without-id';

/** The sample's text, exactly as the file holds it (what a scripted server sends). */
export function docSampleText(name: DocSampleName): string {
  return readFileSync(new URL(`../fixtures/graph/${name}.json`, import.meta.url), 'utf8');
}

/** The sample, parsed. */
export function docSample(name: DocSampleName): unknown {
  return JSON.parse(docSampleText(name)) as unknown;
}
