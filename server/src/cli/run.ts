// The CLI without process globals: argv in, text out, an exit status back. main.ts binds it to the process.
import { chooseSchemaVersion, defaultRegistry, SCHEMA_VERSIONS } from '../engine';
import { SERVER_INFO } from '../lsp/serverInfo';
import { parseCommand, type Command } from './args';
import { loadConfig } from './config';
import { CliError, EXIT } from './errors';
import { chooseWasmTier, exactRefiner } from './exact';
import { expandPaths } from './files';
import { formatJson } from './format/json';
import { formatSarif } from './format/sarif';
import { formatText } from './format/text';
import { countBySeverity } from './lint';
import { lintInParallel } from './lintPool';
import { ruleCatalog } from '../engine';
import { rulesJson, rulesMarkdown, rulesText } from './rulesCommand';
import { USAGE } from './usage';

export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
}

export const INFORMATION_URI = 'https://github.com/podscope/podscope';

/** Runs a command; `lsp` is returned to the caller to start, since it outlives this function. */
export async function run(argv: readonly string[], io: Io): Promise<number | 'lsp'> {
  try {
    const command = parseCommand(argv);
    return command.name === 'lsp' ? 'lsp' : await execute(command, io);
  } catch (err) {
    if (!(err instanceof CliError)) throw err;
    io.stderr(`podscope: ${err.message}\n`);
    if (err.kind === 'usage') io.stderr('Run `podscope --help` for usage.\n');
    return EXIT.error;
  }
}

async function execute(command: Exclude<Command, { name: 'lsp' }>, io: Io): Promise<number> {
  switch (command.name) {
    case 'help': io.stdout(USAGE); return EXIT.ok;
    case 'version': io.stdout(`${SERVER_INFO.version}\n`); return EXIT.ok;
    case 'rules': return listRules(command.format, io);
    case 'lint': return lint(command, io);
  }
}

function listRules(format: 'text' | 'markdown' | 'json', io: Io): number {
  const catalog = ruleCatalog(defaultRegistry());
  io.stdout(format === 'markdown' ? rulesMarkdown(catalog) : format === 'json' ? rulesJson(catalog) : rulesText(catalog));
  return EXIT.ok;
}

async function lint(command: Extract<Command, { name: 'lint' }>, io: Io): Promise<number> {
  const registry = defaultRegistry();
  const catalog = ruleCatalog(registry);
  const settings = command.config ? loadConfig(command.config, new Set(catalog.map((r) => r.code))) : {};
  const warn = (line: string) => io.stderr(`${line}\n`);
  // Decided here once: a version that is not bundled is a usage error, a build without modules says so once.
  const refine = exactRefiner(command.exact, registry, settings, warn);
  const exact = refine ? command.exact : { ...command.exact, enable: false };
  // The schema rules judge by the exact layer's version, or by the same choice without it.
  const kubernetesVersion = chooseSchemaVersion(command.exact.kubernetesVersion, undefined, refine?.minor);
  if (!kubernetesVersion) {
    throw new CliError(`--kubernetes-version: no schema for ${command.exact.kubernetesVersion} is bundled (bundled: ${SCHEMA_VERSIONS.join(', ')})`, 'usage');
  }
  const files = expandPaths(command.paths);
  if (refine) chooseWasmTier(files.length);
  const results = await lintInParallel(files, registry, settings, {
    ...(command.jobs !== undefined ? { jobs: command.jobs } : {}),
    ...(command.maxFileBytes !== undefined ? { maxFileBytes: command.maxFileBytes } : {}),
    exact, kubernetesVersion, ...(refine ? { refine } : {}),
  });
  if (command.format === 'json') io.stdout(formatJson(results));
  else if (command.format === 'sarif') io.stdout(formatSarif(results, catalog, { name: 'podscope', version: SERVER_INFO.version, informationUri: INFORMATION_URI }));
  else io.stdout(formatText(results));
  return countBySeverity(results).error > 0 ? EXIT.findings : EXIT.ok;
}
