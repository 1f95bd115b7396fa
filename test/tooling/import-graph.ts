import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/** The repository root. */
export const ROOT = resolve(__dirname, '../..');

const SOURCE = /\.(ts|tsx)$/;
// Static imports and re-exports (`from '…'`) and dynamic `import('…')`, relative ones only.
const IMPORT = /(?:from\s+|import\s*\(\s*)'(\.{1,2}\/[^']+)'/g;

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return filesUnder(path);
    return SOURCE.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

function resolveImport(from: string, specifier: string): string | null {
  const base = resolve(dirname(from), specifier);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return null;
}

/** Every product file (repo-relative) with the product files it imports. */
export function importGraph(folders: readonly string[]): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const folder of folders) {
    for (const file of filesUnder(join(ROOT, folder))) {
      const text = readFileSync(file, 'utf8');
      const targets = [...text.matchAll(IMPORT)]
        .map((match) => resolveImport(file, match[1] ?? ''))
        .filter((target): target is string => target !== null)
        .map((target) => relative(ROOT, target));
      graph.set(relative(ROOT, file), [...new Set(targets)]);
    }
  }
  return graph;
}

/** Each import cycle found, as the files around it (empty when there is none). */
export function importCycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  const cycles: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (file: string): void => {
    state.set(file, 'open');
    path.push(file);
    for (const target of graph.get(file) ?? []) {
      if (state.get(target) === 'open') cycles.push(path.slice(path.indexOf(target)));
      else if (!state.has(target)) visit(target);
    }
    path.pop();
    state.set(file, 'done');
  };
  for (const file of graph.keys()) if (!state.has(file)) visit(file);
  return cycles;
}

/** The folder right under `zone` a file sits in (`main/stytch/x.ts` → `stytch`), or null at the top. */
export function featureOf(file: string, zone: string): string | null {
  const parts = relative(zone, file).split('/');
  return parts.length > 1 && !parts[0]?.startsWith('..') ? (parts[0] ?? null) : null;
}

/** Pairs of feature folders of `zone` that import each other, as `a ↔ b`. */
export function twoWayFolders(
  graph: ReadonlyMap<string, readonly string[]>,
  zone: string,
): string[] {
  const edges = new Set<string>();
  for (const [file, targets] of graph) {
    const from = featureOf(file, zone);
    for (const target of targets) {
      const to = featureOf(target, zone);
      if (from !== null && to !== null && from !== to) edges.add(`${from}→${to}`);
    }
  }
  return [...edges]
    .map((edge) => edge.split('→') as [string, string])
    .filter(([from, to]) => from < to && edges.has(`${to}→${from}`))
    .map(([from, to]) => `${from} ↔ ${to}`);
}

/** Files outside `folder` that import a file inside it, sorted. */
export function importersFromOutside(
  graph: ReadonlyMap<string, readonly string[]>,
  folder: string,
): string[] {
  const inside = (file: string) => file.startsWith(`${folder}/`);
  return [...graph]
    .filter(([file, targets]) => !inside(file) && targets.some(inside))
    .map(([file]) => file)
    .sort();
}
