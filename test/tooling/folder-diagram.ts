import { featureOf } from './import-graph';

/**
 * The folder-level dependencies of `zone` (`main` → `{ stytch: ['http', 'secrets', …] }`): one
 * arrow per pair of folders a product file's import crosses, sorted, so ARCHITECTURE.md's diagram
 * can be compared with what the code really imports.
 */
export function folderEdges(
  graph: ReadonlyMap<string, readonly string[]>,
  zone: string,
): Map<string, string[]> {
  const edges = new Map<string, Set<string>>();
  for (const [file, targets] of graph) {
    const from = featureOf(file, zone);
    if (from === null) continue;
    const to = edges.get(from) ?? new Set<string>();
    edges.set(from, to);
    for (const target of targets) {
      const folder = featureOf(target, zone);
      if (folder !== null && folder !== from) to.add(folder);
    }
  }
  return new Map(
    [...edges].sort(([a], [b]) => a.localeCompare(b)).map(([from, to]) => [from, [...to].sort()]),
  );
}

/** The diagram's lines, `from ──► a, b` (`from` alone when it imports no other folder). */
export function diagramLines(edges: ReadonlyMap<string, readonly string[]>): string[] {
  return [...edges].map(([from, to]) => (to.length === 0 ? from : `${from} ──► ${to.join(', ')}`));
}

/** The lines of ARCHITECTURE.md's fenced block that opens with "```text folders" (trimmed). */
export function documentedDiagram(markdown: string): string[] {
  const block = /```text folders\n([\s\S]*?)```/.exec(markdown)?.[1] ?? '';
  return block
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
}
