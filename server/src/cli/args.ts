// Command-line parsing with node's own parseArgs; every mistake becomes a usage error naming it.
import { parseArgs } from 'node:util';
import { CliError } from './errors';

/** Exact validation in the CLI: off with --no-exact; a version (`1.35`) or `auto` (the newest bundled). */
export interface ExactOptions {
  enable: boolean;
  kubernetesVersion: string;
  featureGates: Record<string, boolean>;
}

export type Command =
  | { name: 'help' }
  | { name: 'version' }
  | { name: 'lint'; format: 'text' | 'json' | 'sarif'; config?: string; maxFileBytes?: number; paths: string[]; exact: ExactOptions }
  | { name: 'rules'; format: 'text' | 'markdown' | 'json' }
  | { name: 'lsp' };

export function parseCommand(argv: readonly string[]): Command {
  const [name, ...rest] = argv;
  if (name === undefined || name === '-h' || name === '--help' || name === 'help') return { name: 'help' };
  if (name === '-v' || name === '--version') return { name: 'version' };
  if (rest.includes('-h') || rest.includes('--help')) return { name: 'help' };
  switch (name) {
    case 'lint': return parseLint(rest);
    case 'rules': return parseRules(rest);
    case 'lsp': return parseLsp(rest);
    default: throw new CliError(`unknown command "${name}"`, 'usage');
  }
}

function parseLint(args: string[]): Command {
  const { values, positionals } = parse(args, {
    format: { type: 'string', short: 'f' }, config: { type: 'string', short: 'c' }, 'max-file-size': { type: 'string' },
    'kubernetes-version': { type: 'string' }, 'feature-gates': { type: 'string' }, 'no-exact': { type: 'boolean' },
  });
  const format = oneOf(values.format ?? 'text', ['text', 'json', 'sarif'] as const, '--format');
  if (positionals.length === 0) throw new CliError('lint needs at least one PATH (a file or a directory)', 'usage');
  const config = values.config as string | undefined;
  const maxSize = values['max-file-size'];
  const kubernetesVersion = values['kubernetes-version'] ?? 'auto';
  if (!/^(auto|v?\d+\.\d+(\.\d+)?)$/.test(kubernetesVersion)) {
    throw new CliError(`--kubernetes-version must be auto or a version such as 1.36, got "${kubernetesVersion}"`, 'usage');
  }
  const exact = { enable: values['no-exact'] !== true, kubernetesVersion, featureGates: parseFeatureGates(values['feature-gates']) };
  return {
    name: 'lint', format, ...(config !== undefined ? { config } : {}),
    ...(maxSize !== undefined ? { maxFileBytes: parseSize(maxSize, '--max-file-size') } : {}),
    paths: positionals, exact,
  };
}

const SIZE_UNITS: Record<string, number> = { '': 1, b: 1, k: 1024, kb: 1024, m: 1024 ** 2, mb: 1024 ** 2, g: 1024 ** 3, gb: 1024 ** 3 };

/** `512KB`, `64MB`, `1GB` or a number of bytes. */
export function parseSize(value: string, flag: string): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i.exec(value);
  const unit = m ? SIZE_UNITS[m[2]!.toLowerCase()] : undefined;
  if (!m || unit === undefined || Number(m[1]) <= 0) throw new CliError(`${flag} must be a size such as 512KB, 64MB or 1GB, got "${value}"`, 'usage');
  return Math.floor(Number(m[1]) * unit);
}

/** `--feature-gates A=true,B=false`, as the API server takes it. */
function parseFeatureGates(text: string | true | undefined): Record<string, boolean> {
  const gates: Record<string, boolean> = {};
  if (typeof text !== 'string') return gates;
  for (const item of text.split(',').map((s) => s.trim()).filter(Boolean)) {
    const m = /^([A-Za-z0-9]+)=(true|false)$/.exec(item);
    if (!m) throw new CliError(`--feature-gates takes Name=true|false pairs separated by commas, got "${item}"`, 'usage');
    gates[m[1]!] = m[2] === 'true';
  }
  return gates;
}

function parseRules(args: string[]): Command {
  const { values, positionals } = parse(args, { format: { type: 'string', short: 'f' } });
  if (positionals.length) throw new CliError(`rules takes no arguments, got "${positionals[0]}"`, 'usage');
  return { name: 'rules', format: oneOf(values.format ?? 'text', ['text', 'markdown', 'json'] as const, '--format') };
}

function parseLsp(args: string[]): Command {
  if (args.length !== 1 || args[0] !== '--stdio') throw new CliError('lsp supports one transport: podscope lsp --stdio', 'usage');
  return { name: 'lsp' };
}

type Options = Record<string, { type: 'string' | 'boolean'; short?: string }>;

function parse(args: string[], options: Options): { values: Record<string, string | undefined> & Record<`no-${string}`, true | undefined>; positionals: string[] } {
  try {
    const { values, positionals } = parseArgs({ args, options, allowPositionals: true, strict: true });
    return { values: values as Record<string, string | undefined> & Record<`no-${string}`, true | undefined>, positionals };
  } catch (err) {
    // parseArgs words its errors well ("Unknown option '--x'"); drop its advice about `--`.
    throw new CliError((err as Error).message.replace(/\. To specify a positional argument.*$/s, ''), 'usage');
  }
}

function oneOf<T extends string>(value: string | undefined, allowed: readonly T[], flag: string): T {
  if (value !== undefined && (allowed as readonly string[]).includes(value)) return value as T;
  throw new CliError(`${flag} must be one of ${allowed.join(', ')}, got "${value}"`, 'usage');
}
