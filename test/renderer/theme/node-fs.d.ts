/**
 * The renderer's tsconfig loads no Node types, so renderer code cannot reach for Node. The
 * contrast test alone reads a file (vitest hands CSS imports over as empty strings), so it
 * declares the one function it uses.
 */
declare module 'node:fs' {
  export function readFileSync(path: URL, encoding: 'utf8'): string;
}
