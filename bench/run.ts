/**
 * `npm run bench`: runs every registered benchmark and prints one line per figure,
 * `name value unit`. Add a benchmark by appending to BENCHMARKS; `npm run bench -- probe.`
 * runs only those whose name starts with the given prefix.
 */
import { FLEET_OVERVIEW_BENCHMARKS } from './fleet-overview-bench';
import { FLEET_BENCHMARKS } from './fleet-bench';
import { GRAPH_SETUP_BENCHMARKS } from './graph-setup-bench';
import { HOSTILE_BODY_BENCHMARKS } from './hostile-body-bench';
import { PROBE_BENCHMARKS } from './probe-bench';
import { RENDERER_BENCHMARKS } from './renderer-bench';
import { WATCH_LATENCY_BENCHMARKS } from './watch-latency-bench';
import { WATCH_RATE_BENCHMARKS } from './watch-rate-bench';
import type { Benchmark, Figure } from './figures';

const BENCHMARKS: readonly Benchmark[] = [
  ...PROBE_BENCHMARKS,
  ...HOSTILE_BODY_BENCHMARKS,
  ...RENDERER_BENCHMARKS,
  ...WATCH_LATENCY_BENCHMARKS,
  ...WATCH_RATE_BENCHMARKS,
  ...GRAPH_SETUP_BENCHMARKS,
  ...FLEET_OVERVIEW_BENCHMARKS,
  ...FLEET_BENCHMARKS,
];

function format(figure: Figure): string {
  const value = Number.isInteger(figure.value) ? String(figure.value) : figure.value.toFixed(3);
  return `${figure.name} ${value} ${figure.unit}`;
}

async function main(prefixes: readonly string[]): Promise<void> {
  const chosen = BENCHMARKS.filter(
    (bench) => prefixes.length === 0 || prefixes.some((prefix) => bench.name.startsWith(prefix)),
  );
  if (chosen.length === 0) throw new Error(`No benchmark matches ${prefixes.join(', ')}.`);
  for (const bench of chosen) {
    for (const figure of await bench.run()) process.stdout.write(`${format(figure)}\n`);
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(
    `bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exitCode = 1;
});
