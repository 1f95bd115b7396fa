import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { INVOKE_CHANNELS } from '../../shared/ipc-channels';
import { HANDLERS } from '../../main/composition';
import {
  importCycles,
  importersFromOutside,
  importGraph,
  ROOT,
  twoWayFolders,
} from './import-graph';
import { diagramLines, documentedDiagram, folderEdges } from './folder-diagram';

const graph = importGraph(['main', 'shared', 'renderer']);

describe('the shape of the tree (ARCHITECTURE.md)', () => {
  it('reads a real import graph (a cycle and a two-way pair are found when present)', () => {
    const looped = new Map([
      ['main/a/x.ts', ['main/b/y.ts']],
      ['main/b/y.ts', ['main/a/x.ts']],
    ]);
    expect(importCycles(looped)).toEqual([['main/a/x.ts', 'main/b/y.ts']]);
    expect(twoWayFolders(looped, 'main')).toEqual(['a ↔ b']);
    expect(importersFromOutside(looped, 'main/a')).toEqual(['main/b/y.ts']);
    expect(graph.get('main/composition.ts')).toContain('main/secrets/secrets.ts');
  });

  it('has no import cycle in main/, shared/ or renderer/', () => {
    expect(importCycles(graph)).toEqual([]);
  });

  it('has no two feature folders of main/ or renderer/features/ that depend on each other', () => {
    expect(twoWayFolders(graph, 'main')).toEqual([]);
    expect(twoWayFolders(graph, 'renderer/features')).toEqual([]);
  });

  it('draws the folders of main/ in ARCHITECTURE.md exactly as they import each other', () => {
    const documented = documentedDiagram(readFileSync(join(ROOT, 'ARCHITECTURE.md'), 'utf8'));
    expect(documented).toEqual(diagramLines(folderEdges(graph, 'main')));
  });

  it('shows every visible time in one format: only shared/timestamp.ts formats a date', () => {
    // Times from different panels (the health read, the log, the watch) and the saved report
    // must read alike to be compared; a file calling toLocale*String or Intl.DateTimeFormat on its
    // own would drift from formatTimestamp.
    const formatters = [...graph.keys()].filter((file) =>
      /\.toLocale(Date|Time)?String\(|Intl\.DateTimeFormat/.test(
        readFileSync(join(ROOT, file), 'utf8'),
      ),
    );
    expect(formatters).toEqual(['shared/timestamp.ts']);
  });

  it('keeps the simulated world (main/sandbox/) behind the composition root: nothing else in main/ imports it', () => {
    // Stand-ins, the Entra simulator and the rehearsal are sandbox mode only; a feature that
    // reached into them would tie the real app to simulated code. Tests and bench/ may.
    expect(importersFromOutside(graph, 'main/sandbox')).toEqual(['main/composition.ts']);
  });

  it('builds services in one place: only main/composition.ts constructs another folder’s service', () => {
    // Every service of `Services` (main/composition.ts), by the class or builder that makes it.
    const constructs =
      /(new (Secrets|SettingsStore|ClipboardService|StytchSession|SettingsProjectMemory|SandboxLauncher|MicrosoftSession|ProvisioningWatch|Rehearsals|FleetService)\(|(?<!function )entraStepDeps\()/g;
    const builders = [...graph.keys()].filter(
      (file) => [...readFileSync(join(ROOT, file), 'utf8').matchAll(constructs)].length > 0,
    );
    expect(builders).toEqual(['main/composition.ts']);
  });

  it('serves each channel from the feature table of its domain (`<domain>Handlers`)', async () => {
    const tables = new Map<string, object>();
    for (const file of [...graph.keys()].filter((f) => f.endsWith('-handlers.ts'))) {
      const domain = /([a-z]+)-handlers\.ts$/.exec(file)?.[1] ?? '';
      const loaded = (await import(join(ROOT, file))) as Record<string, object>;
      const table = loaded[`${domain}Handlers`];
      expect(table, `${file} exports ${domain}Handlers`).toBeDefined();
      if (table) tables.set(domain, table);
    }
    for (const channel of INVOKE_CHANNELS) {
      const domain = channel.split(':')[0] ?? '';
      const table = tables.get(domain) as Record<string, unknown> | undefined;
      expect(table?.[channel], channel).toBe(HANDLERS[channel]);
    }
  });
});
