/** Timing helpers shared by the bench's sections. */
import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';

const rssHook =
  'data:text/javascript,process.on("exit",()=>process.stderr.write("maxrss="+process.resourceUsage().maxRSS+"\\n"))';

export const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
};
export const ms = (value: number) => `${value.toFixed(0)} ms`;

/** Wall time and peak RSS (kB) of a whole process. */
export function timeProcess(args: string[]): { ms: number; rssKb: number } {
  const start = performance.now();
  const result = spawnSync(process.execPath, ['--import', rssHook, ...args], { encoding: 'utf8' });
  const elapsed = performance.now() - start;
  if (result.status !== 0) throw new Error(`bench run failed: ${result.stderr}`);
  return { ms: elapsed, rssKb: Number(/maxrss=(\d+)/.exec(result.stderr)?.[1] ?? 0) };
}
