import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

/** How the peak memory of a measured command is read. */
export type RssMethod = 'time' | 'node';

export const GNU_TIME = '/usr/bin/time';
const MAX_RSS_HOOK = path.join(__dirname, 'max-rss.cjs');

/** `time` when GNU time is installed, else the `node --require` hook. */
export function defaultRssMethod(): RssMethod {
  return fs.existsSync(GNU_TIME) ? 'time' : 'node';
}

export interface RunResult {
  readonly ok: boolean;
  readonly wallMs: number;
  /** The peak resident set size of the largest process of the command, in KiB. */
  readonly peakKiB?: number;
  /** The bytes of every `stacks/<name>/cdk.tf.json` written. */
  readonly outputBytes: number;
  readonly stackCount: number;
  readonly stderrTail: string;
}

export interface RunOptions {
  readonly command: string;
  readonly cwd: string;
  readonly outdir: string;
  readonly configFile: string;
  readonly rss: RssMethod;
  /** Where the memory report goes. */
  readonly scratchFile: string;
}

/**
 * Runs a cdktf app command once, as cdktf does (`sh -c <app>`), with
 * CDKTF_OUTDIR set, and measures its wall time, peak memory and output size.
 *
 * With GNU time, %M is the peak RSS of the largest single process of the
 * tree (the kernel keeps the maximum over reaped descendants), so a runner
 * such as npx or tsx that starts node again is measured by its biggest
 * process, not by a sum. The node hook reports the same maximum over every
 * node process.
 */
export function runOnce(options: RunOptions): RunResult {
  fs.rmSync(options.outdir, { recursive: true, force: true });
  fs.rmSync(options.scratchFile, { force: true });
  fs.mkdirSync(path.dirname(options.scratchFile), { recursive: true });
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    CDKTF_OUTDIR: options.outdir,
    CHECKPOINT_DISABLE: '1',
    SPACES_IDENTITY_CONFIG: options.configFile,
  };
  let file: string;
  let args: string[];
  if (options.rss === 'time') {
    file = GNU_TIME;
    args = ['-f', '%M', '-o', options.scratchFile, 'sh', '-c', options.command];
  } else {
    file = 'sh';
    args = ['-c', options.command];
    env.BENCH_MAX_RSS_FILE = options.scratchFile;
    env.NODE_OPTIONS = `${process.env.NODE_OPTIONS ?? ''} --require ${JSON.stringify(MAX_RSS_HOOK)}`.trim();
  }
  const start = process.hrtime.bigint();
  const child = spawnSync(file, args, { cwd: options.cwd, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
  const { bytes, stacks } = outputSize(options.outdir);
  return {
    ok: child.status === 0,
    wallMs,
    peakKiB: readPeak(options.scratchFile, options.rss),
    outputBytes: bytes,
    stackCount: stacks,
    stderrTail: `${child.error ? `${child.error.message}\n` : ''}${child.stderr ?? ''}`.trim().split('\n').slice(-30).join('\n'),
  };
}

function readPeak(file: string, method: RssMethod): number | undefined {
  if (!fs.existsSync(file)) return undefined;
  const lines = fs.readFileSync(file, 'utf8').trim().split('\n').filter(Boolean);
  // GNU time writes "Command exited with non-zero status N" before %M on failure; the number is the last line.
  const values = method === 'time' ? [Number(lines[lines.length - 1])] : lines.map((l) => Number(l.split(' ')[1]));
  const peak = Math.max(...values.filter((v) => Number.isFinite(v)));
  return Number.isFinite(peak) ? peak : undefined;
}

/** The total size of `<outdir>/stacks/*\/cdk.tf.json`. */
export function outputSize(outdir: string): { bytes: number; stacks: number } {
  const stacksDir = path.join(outdir, 'stacks');
  if (!fs.existsSync(stacksDir)) return { bytes: 0, stacks: 0 };
  let bytes = 0;
  let stacks = 0;
  for (const name of fs.readdirSync(stacksDir)) {
    const file = path.join(stacksDir, name, 'cdk.tf.json');
    if (fs.existsSync(file)) {
      bytes += fs.statSync(file).size;
      stacks++;
    }
  }
  return { bytes, stacks };
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
