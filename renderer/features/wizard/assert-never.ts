/** Makes a switch exhaustive: adding a step id without handling it fails the typecheck. */
export function assertNever(value: never): never {
  throw new Error(`Unhandled case: ${String(value)}`);
}
