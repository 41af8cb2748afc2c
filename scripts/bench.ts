/**
 * `npm run bench`: how fast and how big the synth is. Not part of CI (the
 * timings depend on the machine and its load).
 *
 * It runs the app command of cdktf.json directly (not through the cdktf CLI,
 * whose own start-up is not counted), each run a new process, and reports
 * the median wall time, peak memory and output size of:
 *   - the embedded example (examples/spaces-identity.yaml);
 *   - each stack entry of the example alone, with 1, 10, 100 and 1000
 *     generated control plane namespaces (clamped to the largest count that a
 *     cloud limit allows);
 *   - a baseline app (scripts/bench/baseline-app.ts) that builds the same IRSA
 *     stack with provider bindings imported from the packages' root.
 * Each case also runs as compiled JavaScript (tsc output), so that the cost
 * of the TypeScript runner is visible. Everything runs in a copy of the
 * working tree taken at the start (.bench/snapshot: src/, examples/, the
 * bench scripts, cdktf.json; node_modules linked), so that edits made while
 * the bench runs neither break nor change what it measures.
 *
 * Options: --runs N (default 5), --counts 1,10,100,1000, --variants app,tsx,compiled,
 * --kinds aws/irsa,... (filter the stack kinds), --rss time|node (how peak memory is read).
 * Writes .bench/results.md and .bench/results.json.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parse, stringify } from 'yaml';
import { ClampedCount, ConfigDocument, clampCount, entryKind, singleEntryConfig } from './bench/cases';
import { RssMethod, RunResult, defaultRssMethod, median, runOnce } from './bench/measure';

const ROOT = path.resolve(__dirname, '..');
const BENCH_DIR = path.join(ROOT, '.bench');
/** Where the app runs: a copy of the working tree. */
const SNAPSHOT = path.join(BENCH_DIR, 'snapshot');
const SNAPSHOT_PATHS = ['src', 'examples', 'scripts/bench', 'cdktf.json', 'package.json', 'tsconfig.json'];
const EXAMPLE = path.join(ROOT, 'examples', 'spaces-identity.yaml');
const MAIN_TS = 'src/main.ts';
const BASELINE_TS = 'scripts/bench/baseline-app.ts';
/** The targets: the example against the baseline, and the growth of one stack from the first to the last count. */
const EXAMPLE_TO_BASELINE_MAX = 0.25;
const GROWTH_MAX = 2;

interface Options {
  runs: number;
  counts: number[];
  variants: string[];
  kinds?: string[];
  rss: RssMethod;
}

function parseOptions(argv: readonly string[]): Options {
  const options: Options = { runs: 5, counts: [1, 10, 100, 1000], variants: ['app', 'tsx', 'compiled'], rss: defaultRssMethod() };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=', 2);
    const value = () => inline ?? argv[++i];
    const list = () => value().split(',').map((s) => s.trim()).filter(Boolean);
    if (flag === '--runs') options.runs = Number(value());
    else if (flag === '--counts') options.counts = list().map(Number);
    else if (flag === '--variants') options.variants = list();
    else if (flag === '--kinds') options.kinds = list();
    else if (flag === '--rss') options.rss = value() as RssMethod;
    else throw new Error(`unknown option ${argv[i]} (known: --runs, --counts, --variants, --kinds, --rss)`);
  }
  if (!Number.isInteger(options.runs) || options.runs < 1) throw new Error('--runs must be a whole number ≥ 1');
  if (options.counts.some((n) => !Number.isInteger(n) || n < 1)) throw new Error('--counts must be whole numbers ≥ 1');
  if (options.rss !== 'time' && options.rss !== 'node') throw new Error('--rss must be time or node');
  if (options.rss === 'time' && !fs.existsSync('/usr/bin/time')) throw new Error('--rss time: /usr/bin/time is missing (apt-get install time), use --rss node');
  const known = ['app', 'tsx', 'compiled'];
  const unknown = options.variants.filter((v) => !known.includes(v));
  if (unknown.length > 0) throw new Error(`unknown variant ${unknown.join(', ')} (known: ${known.join(', ')})`);
  return options;
}

/** One way of running the app: its command, and the baseline's command run the same way. */
interface Variant {
  readonly name: string;
  readonly description: string;
  readonly app: string;
  /** The baseline run the same way; none for variants only measured on the example. */
  readonly baseline?: string;
  /** Whether the per-kind scaling cases run in this variant. */
  readonly scale: boolean;
}

function variants(options: Options, appCommand: string, compiled: CompiledBuild | undefined): Variant[] {
  const all: Variant[] = [
    {
      name: 'app',
      description: `the cdktf.json app command \`${appCommand}\``,
      app: appCommand,
      baseline: appCommand.includes(MAIN_TS) ? appCommand.replace(MAIN_TS, BASELINE_TS) : `npx tsx ${BASELINE_TS}`,
      scale: true,
    },
    { name: 'tsx', description: `\`node_modules/.bin/tsx ${MAIN_TS}\` (tsx without npx)`, app: `node_modules/.bin/tsx ${MAIN_TS}`, scale: false },
  ];
  if (compiled) {
    all.push({
      name: 'compiled',
      description: `\`node ${path.relative(SNAPSHOT, compiled.main)}\` (tsc output, built before the runs)`,
      app: `node ${path.relative(SNAPSHOT, compiled.main)}`,
      baseline: `node ${path.relative(SNAPSHOT, compiled.baseline)}`,
      scale: true,
    });
  }
  return all.filter((v) => options.variants.includes(v.name));
}

interface CompiledBuild {
  readonly main: string;
  readonly baseline: string;
  readonly coldMs: number;
  readonly noopMs: number;
  readonly diagnostics: string;
}

/** Copies the working tree the app needs to .bench/snapshot, with node_modules linked. */
function snapshotTree(): void {
  fs.rmSync(SNAPSHOT, { recursive: true, force: true });
  for (const p of SNAPSHOT_PATHS) fs.cpSync(path.join(ROOT, p), path.join(SNAPSHOT, p), { recursive: true });
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(SNAPSHOT, 'node_modules'), 'dir');
}

/**
 * Compiles the snapshot's src/ and the baseline with tsc into .bench/snapshot/dist
 * (the repository's compiler options, incremental), timing a cold build and a
 * no-change rebuild: what a build hook in front of `cdktf synth` would cost.
 */
function buildCompiled(): CompiledBuild | undefined {
  const dist = path.join(SNAPSHOT, 'dist');
  const tsconfig = path.join(SNAPSHOT, 'tsconfig.bench.json');
  fs.writeFileSync(
    tsconfig,
    JSON.stringify(
      {
        extends: './tsconfig.json',
        compilerOptions: { outDir: 'dist', rootDir: '.', declaration: false, incremental: true, tsBuildInfoFile: 'dist/.tsbuildinfo', noEmitOnError: false },
        include: ['src/**/*.ts', BASELINE_TS],
      },
      null,
      2,
    ),
  );
  const tsc = () => {
    const start = process.hrtime.bigint();
    const r = spawnSync(process.execPath, [path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', tsconfig], { cwd: SNAPSHOT, encoding: 'utf8' });
    return { ms: Number(process.hrtime.bigint() - start) / 1e6, output: `${r.stdout}${r.stderr}`.trim() };
  };
  progress('compiling with tsc into .bench/snapshot/dist ...');
  const cold = tsc();
  const noop = tsc();
  const main = path.join(dist, 'src', 'main.js');
  const baseline = path.join(dist, BASELINE_TS.replace(/\.ts$/, '.js'));
  if (!fs.existsSync(main) || !fs.existsSync(baseline)) {
    progress(`tsc wrote no ${path.relative(SNAPSHOT, main)}; the compiled variant is skipped:\n${cold.output}`);
    return undefined;
  }
  const errorCount = (cold.output.match(/error TS/g) ?? []).length;
  return { main, baseline, coldMs: cold.ms, noopMs: noop.ms, diagnostics: errorCount > 0 ? `tsc reported ${errorCount} type errors (output emitted anyway)` : '' };
}

type CaseGroup = 'example' | 'baseline' | 'scale';

interface Case {
  readonly id: string;
  readonly group: CaseGroup;
  readonly variant: Variant;
  readonly command: string;
  readonly configFile: string;
  readonly expectedStacks: number;
  readonly kind?: string;
  readonly entryName?: string;
  readonly count?: ClampedCount;
  readonly runs: RunResult[];
}

/** A row of the table: a case, or a requested count that reuses a clamped case. */
interface Row {
  readonly case: Case;
  readonly requested?: ClampedCount;
}

function writeConfig(name: string, document: ConfigDocument): string {
  const file = path.join(BENCH_DIR, 'configs', `${name}.yaml`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, stringify(document, { lineWidth: 0 }));
  return file;
}

function main(): void {
  const options = parseOptions(process.argv.slice(2));
  const appCommand = (JSON.parse(fs.readFileSync(path.join(ROOT, 'cdktf.json'), 'utf8')) as { app: string }).app;
  const example = parse(fs.readFileSync(EXAMPLE, 'utf8')) as ConfigDocument;
  const startedAt = new Date();
  const loadBefore = os.loadavg();
  fs.mkdirSync(BENCH_DIR, { recursive: true });
  fs.rmSync(path.join(BENCH_DIR, 'out'), { recursive: true, force: true });
  fs.rmSync(path.join(BENCH_DIR, 'configs'), { recursive: true, force: true });

  snapshotTree();
  const compiled = options.variants.includes('compiled') ? buildCompiled() : undefined;
  const chosen = variants(options, appCommand, compiled);

  // The configs: the example as it is, and per entry and count a single-entry config.
  const exampleFile = writeConfig('example', example);
  const entries = example.stacks.filter((e) => !options.kinds || options.kinds.includes(entryKind(e)));
  const scaleConfigs: Array<{ entry: Record<string, unknown>; kind: string; counts: ClampedCount[]; files: Map<number, string> }> = entries.map((entry) => {
    const kind = entryKind(entry);
    const counts = options.counts.map((n) => clampCount(example, entry, n));
    const files = new Map<number, string>();
    for (const c of counts) {
      if (!files.has(c.effective)) files.set(c.effective, writeConfig(`${String(entry.name)}-${c.effective}`, singleEntryConfig(example, entry, c.effective)));
    }
    return { entry, kind, counts, files };
  });

  const cases: Case[] = [];
  const rows: Row[] = [];
  for (const variant of chosen) {
    const exampleCase: Case = { id: `example-${variant.name}`, group: 'example', variant, command: variant.app, configFile: exampleFile, expectedStacks: example.stacks.length, runs: [] };
    cases.push(exampleCase);
    rows.push({ case: exampleCase });
    if (variant.baseline) {
      const baselineCase: Case = { id: `baseline-${variant.name}`, group: 'baseline', variant, command: variant.baseline, configFile: exampleFile, expectedStacks: 1, runs: [] };
      cases.push(baselineCase);
      rows.push({ case: baselineCase });
    }
  }
  for (const variant of chosen.filter((v) => v.scale)) {
    for (const { entry, kind, counts, files } of scaleConfigs) {
      const byCount = new Map<number, Case>();
      for (const count of counts) {
        let c = byCount.get(count.effective);
        if (!c) {
          c = {
            id: `${String(entry.name)}-${count.effective}-${variant.name}`,
            group: 'scale',
            variant,
            command: variant.app,
            configFile: files.get(count.effective)!,
            expectedStacks: 1,
            kind,
            entryName: String(entry.name),
            count,
            runs: [],
          };
          byCount.set(count.effective, c);
          cases.push(c);
        }
        rows.push({ case: c, requested: count });
      }
    }
  }

  // Warm the file cache (node_modules, the provider bindings) once per command kind; not timed.
  const warm = new Map<string, Case>();
  for (const c of cases) if (c.group !== 'scale' && !warm.has(c.command)) warm.set(c.command, c);
  for (const c of warm.values()) {
    progress(`warm-up: ${c.command}`);
    const result = measure(c, -1, options.rss);
    if (!result.ok) throw new Error(`${c.command} fails on ${path.relative(ROOT, c.configFile)} (does the working tree synthesize?):\n${result.stderrTail}`);
  }

  // Round robin: a burst of load from another process spreads over all cases instead of hitting one.
  for (let run = 0; run < options.runs; run++) {
    for (const c of cases) {
      const result = measure(c, run, options.rss);
      c.runs.push(result);
      progress(
        `[${run + 1}/${options.runs}] ${c.id}: ${result.ok ? '' : 'FAILED '}${seconds(result.wallMs)}, ${mib(result.peakKiB)}, ${bytes(result.outputBytes)}` +
          (result.ok ? '' : `\n${result.stderrTail}`),
      );
    }
  }

  const loadAfter = os.loadavg();
  const markdown = report({ options, appCommand, chosen, compiled, cases, rows, startedAt, loadBefore, loadAfter });
  fs.writeFileSync(path.join(BENCH_DIR, 'results.md'), markdown);
  fs.writeFileSync(
    path.join(BENCH_DIR, 'results.json'),
    JSON.stringify(
      cases.map((c) => ({ id: c.id, command: c.command, config: path.relative(ROOT, c.configFile), count: c.count, runs: c.runs })),
      null,
      2,
    ),
  );
  process.stdout.write(markdown);
  progress(`written: .bench/results.md, .bench/results.json`);
}

function measure(c: Case, run: number, rss: RssMethod): RunResult {
  const dir = path.join(BENCH_DIR, 'out', c.id);
  const outdir = path.join(dir, run < 0 ? 'warm-up' : `run-${run}`);
  const result = runOnce({ command: c.command, cwd: SNAPSHOT, outdir, configFile: c.configFile, rss, scratchFile: path.join(dir, 'peak.txt') });
  const ok = result.ok && result.stackCount === c.expectedStacks;
  // Keep the first run's output, for the equivalence check and for a look.
  if (run !== 0) fs.rmSync(outdir, { recursive: true, force: true });
  return ok ? result : { ...result, ok: false, stderrTail: result.stderrTail || `wrote ${result.stackCount} stacks, expected ${c.expectedStacks}` };
}

interface Summary {
  readonly ok: boolean;
  /** Runs that failed (a case with some good runs is summarized over those). */
  readonly failed: number;
  readonly wallMs: number;
  readonly minMs: number;
  readonly maxMs: number;
  readonly peakKiB?: number;
  readonly outputBytes: number;
}

function summarize(c: Case): Summary {
  const good = c.runs.filter((r) => r.ok);
  const failed = c.runs.length - good.length;
  if (good.length === 0) return { ok: false, failed, wallMs: NaN, minMs: NaN, maxMs: NaN, outputBytes: 0 };
  const walls = good.map((r) => r.wallMs);
  const peaks = good.map((r) => r.peakKiB).filter((p): p is number => p !== undefined);
  return {
    ok: true,
    failed,
    wallMs: median(walls),
    minMs: Math.min(...walls),
    maxMs: Math.max(...walls),
    peakKiB: peaks.length > 0 ? median(peaks) : undefined,
    outputBytes: median(good.map((r) => r.outputBytes)),
  };
}

interface ReportInput {
  readonly options: Options;
  readonly appCommand: string;
  readonly chosen: readonly Variant[];
  readonly compiled?: CompiledBuild;
  readonly cases: readonly Case[];
  readonly rows: readonly Row[];
  readonly startedAt: Date;
  readonly loadBefore: number[];
  readonly loadAfter: number[];
}

function report(input: ReportInput): string {
  const { options, cases, rows } = input;
  const summaries = new Map(cases.map((c) => [c, summarize(c)]));
  /** The baseline a case is compared with: the one of its variant, else the app variant's. */
  const baselineOf = (c: Case) =>
    cases.find((b) => b.group === 'baseline' && b.variant === c.variant) ?? cases.find((b) => b.group === 'baseline' && b.variant.name === 'app');
  const lines: string[] = [];
  const push = (...l: string[]) => lines.push(...l);

  push(
    `Ran ${input.startedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC on ${machine()}; ` +
      `load average ${input.loadBefore[0].toFixed(2)} before, ${input.loadAfter[0].toFixed(2)} after (other work shared the machine). ` +
      `Median of ${options.runs} cold runs (new process each, warm file cache); ` +
      `peak memory is the peak RSS of the largest process of the command (${options.rss === 'time' ? '`/usr/bin/time -f %M`' : 'node `--require` hook, process.resourceUsage().maxRSS'}); ` +
      'output is the bytes of `stacks/*/cdk.tf.json`. Namespaces are generated `mxp-<uuid>-system` (47 characters).',
    '',
    'Variants:',
    ...input.chosen.map((v) => `- \`${v.name}\`: ${v.description}${v.baseline ? `; baseline \`${v.baseline}\`` : '; compared with the `app` baseline'}`),
    '',
    '| case | variant | namespaces | median wall time | peak memory | time ÷ baseline | memory ÷ baseline | output |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
  );
  for (const row of rows) {
    const c = row.case;
    const s = summaries.get(c)!;
    const base = baselineOf(c);
    const b = base ? summaries.get(base) : undefined;
    const name =
      c.group === 'example' ? `embedded example (${c.expectedStacks} stacks)` : c.group === 'baseline' ? 'baseline: IRSA stack, root imports' : `\`${c.kind}\` (${c.entryName})`;
    const namespaces = c.group === 'scale' ? countText(row.requested!) : 'as in the example';
    if (!s.ok) {
      push(`| ${name} | ${c.variant.name} | ${namespaces} | failed: ${failure(c)} | | | | |`);
      continue;
    }
    const timeRatio = b?.ok && c.group !== 'baseline' ? ratio(s.wallMs, b.wallMs) : '';
    const memRatio = b?.ok && c.group !== 'baseline' && s.peakKiB !== undefined && b.peakKiB !== undefined ? ratio(s.peakKiB, b.peakKiB) : '';
    const spread =
      (options.runs > 1 ? ` (${seconds(s.minMs, false)}–${seconds(s.maxMs)})` : '') + (s.failed > 0 ? `, ${s.failed} of ${c.runs.length} runs failed: ${failure(c)}` : '');
    push(`| ${name} | ${c.variant.name} | ${namespaces} | ${seconds(s.wallMs)}${spread} | ${mib(s.peakKiB)} | ${timeRatio} | ${memRatio} | ${bytes(s.outputBytes)} |`);
  }

  // Growth per stack kind, from the first to the last requested count.
  const from = options.counts.includes(10) ? 10 : Math.min(...options.counts);
  const to = Math.max(...options.counts);
  const growth: Array<{ text: string; met?: boolean }> = [];
  if (to > from) {
    push('', `Growth from ${from} to ${to} namespaces (target: at most ${GROWTH_MAX}× the time):`, '');
    push(
      `| stack kind | variant | time at ${from} | time at ${to} | time growth | per added namespace | memory growth | output growth | target met |`,
      '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    );
    for (const variant of input.chosen.filter((v) => v.scale)) {
      const kinds = [...new Set(cases.filter((c) => c.group === 'scale' && c.variant === variant).map((c) => `${c.kind}\u0000${c.entryName}`))];
      for (const key of kinds) {
        const [kind, entryName] = key.split('\u0000');
        const at = (n: number) => rows.find((r) => r.case.variant === variant && r.case.kind === kind && r.case.entryName === entryName && r.requested?.requested === n);
        const a = at(from);
        const z = at(to);
        if (!a || !z) continue;
        const sa = summaries.get(a.case)!;
        const sz = summaries.get(z.case)!;
        const label = `\`${kind}\``;
        const toText = z.requested!.effective === to ? `${to}` : `${z.requested!.effective} (limit)`;
        if (!sa.ok || !sz.ok) {
          push(`| ${label} | ${variant.name} | | | failed | | | | no |`);
          growth.push({ text: `${kind} (${variant.name}): a run failed`, met: false });
          continue;
        }
        const g = sz.wallMs / sa.wallMs;
        const met = g <= GROWTH_MAX;
        const memGrowth = sa.peakKiB && sz.peakKiB ? ratio(sz.peakKiB, sa.peakKiB) : '';
        // The marginal cost of one more namespace: constant when the synth is linear in the namespaces.
        const added = z.requested!.effective - a.requested!.effective;
        const perNamespace = added > 0 ? `${((sz.wallMs - sa.wallMs) / added).toFixed(2)} ms` : '';
        push(
          `| ${label} | ${variant.name} | ${seconds(sa.wallMs)} | ${seconds(sz.wallMs)} at ${toText} | ${ratio(sz.wallMs, sa.wallMs)} | ${perNamespace} | ${memGrowth} | ${ratio(sz.outputBytes, sa.outputBytes)} | ${met ? 'yes' : 'NO'} |`,
        );
        growth.push({ text: `${kind} ${from} → ${toText} namespaces (${variant.name}): ${ratio(sz.wallMs, sa.wallMs)} the time`, met });
      }
    }
  }

  push('', 'Targets:', '');
  for (const variant of input.chosen) {
    const e = cases.find((c) => c.group === 'example' && c.variant === variant);
    const base = e ? baselineOf(e) : undefined;
    if (!e || !base) continue;
    const se = summaries.get(e)!;
    const sb = summaries.get(base)!;
    if (!se.ok || !sb.ok) {
      push(`- example vs baseline (${variant.name}): not measured (a run failed)`);
      continue;
    }
    const vs = base.variant === variant ? 'its baseline' : `the ${base.variant.name} baseline`;
    const t = se.wallMs / sb.wallMs;
    push(`- example time ≤ ${EXAMPLE_TO_BASELINE_MAX} × ${vs} (${variant.name}): ${ratio(se.wallMs, sb.wallMs)} — ${t <= EXAMPLE_TO_BASELINE_MAX ? 'met' : 'NOT met'}`);
    if (se.peakKiB !== undefined && sb.peakKiB !== undefined) {
      const m = se.peakKiB / sb.peakKiB;
      push(`- example peak memory ≤ ${EXAMPLE_TO_BASELINE_MAX} × ${vs} (${variant.name}): ${ratio(se.peakKiB, sb.peakKiB)} — ${m <= EXAMPLE_TO_BASELINE_MAX ? 'met' : 'NOT met'}`);
    }
  }
  for (const g of growth) push(`- ${g.text} — ${g.met ? 'met' : 'NOT met'}`);

  push('', ...notes(input));
  return `${lines.join('\n')}\n`;
}

function notes(input: ReportInput): string[] {
  const notes: string[] = [];
  const limits = new Map<string, string>();
  for (const row of input.rows) {
    if (row.requested?.limit) limits.set(`${row.case.kind}`, `${row.requested.effective} namespaces at most: ${row.requested.limit}`);
  }
  if (limits.size > 0) notes.push('Cloud limits (the largest count that validates is measured instead):', ...[...limits].map(([kind, text]) => `- \`${kind}\`: ${text}`), '');
  if (input.compiled) {
    notes.push(
      `Compiling with tsc (${path.relative(ROOT, path.join(SNAPSHOT, 'tsconfig.bench.json'))}): ${seconds(input.compiled.coldMs)} cold, ` +
        `${seconds(input.compiled.noopMs)} for an incremental rebuild with no change${input.compiled.diagnostics ? `; ${input.compiled.diagnostics}` : ''}.`,
    );
  }
  const equivalence = baselineEquivalence(input.cases);
  if (equivalence) notes.push(equivalence);
  return notes;
}

/** Whether the baseline wrote exactly the library's stack of the same name (first runs of the app variant). */
function baselineEquivalence(cases: readonly Case[]): string | undefined {
  const base = cases.find((c) => c.group === 'baseline');
  const example = cases.find((c) => c.group === 'example' && c.variant === base?.variant);
  if (!base || !example) return undefined;
  const baseStacks = path.join(BENCH_DIR, 'out', base.id, 'run-0', 'stacks');
  if (!fs.existsSync(baseStacks)) return undefined;
  const [name] = fs.readdirSync(baseStacks);
  const read = (dir: string) => {
    const file = path.join(dir, name, 'cdk.tf.json');
    return fs.existsSync(file) ? canonical(JSON.parse(fs.readFileSync(file, 'utf8'))) : undefined;
  };
  const same = read(baseStacks) === read(path.join(BENCH_DIR, 'out', example.id, 'run-0', 'stacks'));
  return same
    ? `The baseline's output is identical to the library's \`${name}\` stack (same resources, same JSON).`
    : `The baseline's output DIFFERS from the library's \`${name}\` stack: compare .bench/out/${base.id}/run-0 with .bench/out/${example.id}/run-0.`;
}

function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b))) : v,
  );
}

function countText(c: ClampedCount): string {
  return c.limit ? `${c.effective} of ${c.requested} (limit: ${c.limit})` : `${c.requested}`;
}

function failure(c: Case): string {
  const bad = c.runs.find((r) => !r.ok);
  const lines = (bad?.stderrTail ?? 'no run').split('\n');
  const line = lines.find((l) => /error|invalid/i.test(l)) ?? lines[lines.length - 1];
  return line.trim().replace(/\|/g, '\\|').slice(0, 160);
}

function machine(): string {
  const nproc = spawnSync('nproc', { encoding: 'utf8' }).stdout?.trim() || String(os.cpus().length);
  const cpuinfo = fs.existsSync('/proc/cpuinfo') ? fs.readFileSync('/proc/cpuinfo', 'utf8') : '';
  const model = /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1]?.trim() ?? os.cpus()[0]?.model ?? 'unknown CPU';
  return `${nproc} CPUs (${model}), ${(os.totalmem() / 1024 ** 3).toFixed(1)} GiB memory, node ${process.version}, ${os.platform()} ${os.release()}`;
}

function seconds(ms: number, unit = true): string {
  return `${(ms / 1000).toFixed(2)}${unit ? ' s' : ''}`;
}

function mib(kib: number | undefined): string {
  return kib === undefined ? 'n/a' : `${Math.round(kib / 1024)} MiB`;
}

function bytes(n: number): string {
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MiB` : n >= 1024 ? `${(n / 1024).toFixed(1)} KiB` : `${n} B`;
}

function ratio(a: number, b: number): string {
  return `${(a / b).toFixed(2)}×`;
}

function progress(message: string): void {
  process.stderr.write(`bench: ${message}\n`);
}

main();
