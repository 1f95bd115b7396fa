/**
 * A function as a page init script, called with `arg`. Under tsx (the bench) esbuild's keepNames
 * wraps named functions in a `__name(...)` helper that exists only in Node, and Playwright runs
 * each init script in its own scope, so every script brings its own pass-through.
 */
export function asInitScript<A>(fn: (arg: A) => void, arg?: A): { content: string } {
  return {
    content: `var __name = (target) => target;\n(${fn.toString()})(${arg === undefined ? '' : JSON.stringify(arg)});`,
  };
}
