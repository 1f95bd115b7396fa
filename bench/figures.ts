/** One measured figure, printed as `name value unit`. */
export interface Figure {
  name: string;
  value: number;
  unit: string;
}

/** A named benchmark: sets up what it needs, measures, tears down, answers its figures. */
export interface Benchmark {
  name: string;
  run(): Promise<Figure[]>;
}

/** The median of a list of samples. */
export function median(samples: readonly number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Milliseconds taken by `work`. */
export async function timed(work: () => Promise<unknown>): Promise<number> {
  const begin = performance.now();
  await work();
  return performance.now() - begin;
}
