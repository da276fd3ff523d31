// `npm run bench`'s flags: which benchmarks run, and the knobs of each. Pure, so the selection is unit-tested.
export const BENCH_NAMES = ['engine', 'lsp', 'cli', 'sizes', 'exact', 'pace', 'logs', 'tree', 'activation'] as const;
export type BenchName = (typeof BENCH_NAMES)[number];

export interface BenchOptions {
  /** What runs, in BENCH_NAMES order. */
  benches: BenchName[];
  /** Named by --only (or --only-sizes): one of these that cannot run on this machine fails the run instead of skipping. */
  named: BenchName[];
  runs: number;
  peer: boolean;
  write: boolean;
  cliFiles: number;
  cliRuns: number;
  cliBaseline?: string;
  treePods: number;
  logsRuns: number;
  paceRate: number;
  paceSeconds: number;
  activationRuns: number;
  help: boolean;
}

export const USAGE = `npm run bench -- [--only NAMES] [--skip NAMES] [flags]

Runs every benchmark in turn (${BENCH_NAMES.join(', ')}), each printing its table and
rewriting its own marked section of docs/benchmarks.md. NAMES is a comma-separated list of those.

  --only NAMES          run just these                      --skip NAMES        run all but these
  --runs N              engine, lsp and exact: timed runs / edits of the 200-pod file (default 40)
  --no-peer             lsp without Red Hat yaml-language-server beside it
  --no-write            print the tables, leave docs/benchmarks.md alone
  --cli-files N         cli: generated manifests (default 2400)     --cli-runs N   turns (default 5)
  --cli-baseline FILE   cli: an older bundled cli.js timed in the same turns
  --sizes               add sizes to an --only list (it runs by default)   --only-sizes   = --only sizes
  --no-cli              = --skip cli
  --tree-pods N         tree: pods in the local cluster (default 10000; issue 12's figure is 50000)
  --logs-runs N         logs: turns of the three clients (default 7)
  --pace-rate N         pace: log lines per second (default 10000)  --pace-seconds N  (default 10)
  --activation-runs N   activation: code-server runs, each in a new profile (default 3)

logs, tree and activation use the local cluster (started once, PODSCOPE_CLUSTER_DIR honoured, stopped at the end
if this run started it); exact and activation build dist/ first (npm run build); activation needs code-server.`;

export class UsageError extends Error {
  override name = 'UsageError';
}

const NUMBERS = {
  '--runs': 'runs', '--cli-files': 'cliFiles', '--cli-runs': 'cliRuns', '--tree-pods': 'treePods', '--logs-runs': 'logsRuns',
  '--pace-rate': 'paceRate', '--pace-seconds': 'paceSeconds', '--activation-runs': 'activationRuns',
} as const satisfies Record<string, keyof BenchOptions>;
const SWITCHES = ['--no-peer', '--no-write', '--sizes', '--only-sizes', '--no-cli', '--help'] as const;
const VALUED = ['--only', '--skip', '--cli-baseline', ...Object.keys(NUMBERS)];

/** Reads `--flag value` and `--flag=value` alike; an unknown flag, name or number is a UsageError. */
export function parseBenchArgs(argv: readonly string[]): BenchOptions {
  const values = new Map<string, string>();
  const switches = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const eq = arg.indexOf('=');
    const flag = eq > 0 ? arg.slice(0, eq) : arg;
    if ((SWITCHES as readonly string[]).includes(flag) && eq < 0) switches.add(flag);
    else if (VALUED.includes(flag)) {
      const value = eq > 0 ? arg.slice(eq + 1) : argv[++i];
      if (value === undefined || value === '') throw new UsageError(`${flag} needs a value`);
      values.set(flag, value);
    } else throw new UsageError(`unknown argument "${arg}"`);
  }
  const opts: BenchOptions = {
    benches: select(values.get('--only'), values.get('--skip'), switches), named: [],
    runs: 40, peer: !switches.has('--no-peer'), write: !switches.has('--no-write'),
    cliFiles: 2400, cliRuns: 5, treePods: 10_000, logsRuns: 7, paceRate: 10_000, paceSeconds: 10, activationRuns: 3,
    help: switches.has('--help'),
  };
  opts.named = opts.benches.filter((b) => names(values.get('--only')).includes(b) || (b === 'sizes' && switches.has('--only-sizes')));
  for (const [flag, key] of Object.entries(NUMBERS)) {
    const value = values.get(flag);
    if (value === undefined) continue;
    if (!/^[1-9]\d*$/.test(value)) throw new UsageError(`${flag} takes a positive whole number, not "${value}"`);
    opts[key] = Number(value);
  }
  const baseline = values.get('--cli-baseline');
  if (baseline) opts.cliBaseline = baseline;
  return opts;
}

function select(only: string | undefined, skip: string | undefined, switches: ReadonlySet<string>): BenchName[] {
  const chosen = new Set<BenchName>(only !== undefined || switches.has('--only-sizes') ? names(only) : BENCH_NAMES);
  if (switches.has('--sizes') || switches.has('--only-sizes')) chosen.add('sizes');
  for (const b of names(skip)) chosen.delete(b);
  if (switches.has('--no-cli')) chosen.delete('cli');
  const benches = BENCH_NAMES.filter((b) => chosen.has(b));
  if (benches.length === 0 && !switches.has('--help')) throw new UsageError('nothing left to run');
  return benches;
}

function names(list: string | undefined): BenchName[] {
  if (list === undefined) return [];
  return list.split(',').map((s) => s.trim()).filter(Boolean).map((s) => {
    if (!(BENCH_NAMES as readonly string[]).includes(s)) throw new UsageError(`unknown benchmark "${s}"; known: ${BENCH_NAMES.join(', ')}`);
    return s as BenchName;
  });
}
