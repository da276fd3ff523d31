#!/usr/bin/env node
// `npm run package`: production build, then a VSIX with @vscode/vsce. The esbuild bundles are self-contained, so
// vsce runs with --no-dependencies and .vscodeignore allow-lists what ships. The file list is checked before
// packaging so a VSIX that misses a bundle, or drags in sources or node_modules, fails here rather than in an editor.
//
//   node scripts/package.mjs [--out PATH] [--skip-build]
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const vsce = join(root, 'node_modules', '.bin', 'vsce');
// The missing `repository` is deliberate: the project has no public URL yet, and inventing one would be wrong.
const vsceFlags = ['--no-dependencies'];

const REQUIRED = ['extension/package.json', 'extension/dist/client.js', 'extension/dist/clusterFeatures.js', 'extension/dist/languageClient.js', 'extension/dist/server.js', 'extension/dist/exactWorker.js', 'extension/LICENSE'];
const FORBIDDEN = [/\/node_modules\//, /\.ts$/, /\.map$/, /^extension\/(test|client|server|scripts)\//];

function run(cmd, args) {
  const r = spawnSync(cmd, args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  if (r.error) throw new Error(`${cmd}: ${r.error.message}`);
  if (r.status !== 0) throw new Error(`${[cmd, ...args].join(' ')} exited with ${r.status ?? r.signal}\n${r.stdout}`);
  return r.stdout;
}

function listedFiles() {
  // `vsce ls` prints paths relative to the extension root; inside the VSIX they live under extension/.
  return run(vsce, ['ls', ...vsceFlags]).split('\n').map((l) => l.trim()).filter(Boolean).map((f) => `extension/${f}`);
}

/** The exact-validation modules the build put in dist/exact: each must ship (a VSIX without them checks with the engine alone). */
function builtModules() {
  const dir = join(root, 'dist', 'exact');
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((v) => existsSync(join(dir, v, 'exact.wasm.gz'))).map((v) => `extension/dist/exact/${v}/exact.wasm.gz`);
}

function checkContents(files) {
  const missing = [...REQUIRED, ...builtModules()].filter((f) => !files.includes(f));
  const unwanted = files.filter((f) => FORBIDDEN.some((re) => re.test(f)));
  const problems = [];
  if (missing.length) problems.push(`missing: ${missing.join(', ')}`);
  if (unwanted.length) problems.push(`should not ship: ${unwanted.join(', ')}`);
  if (problems.length) throw new Error(`VSIX contents are wrong (fix .vscodeignore or the build): ${problems.join('; ')}`);
}

export function packageVsix({ out, build = true, log = (m) => process.stderr.write(`[package] ${m}\n`) } = {}) {
  const { name, version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const vsix = resolve(out ?? join(root, `${name}-${version}.vsix`));
  if (build) {
    log('esbuild --production');
    run(process.execPath, ['esbuild.mjs', '--production']);
    // The exact layer's modules, as `npm run build` makes them (cached outside the repo; without Go it says so and
    // the VSIX checks with the engine alone): a fresh clone's `npm run demo` had none.
    log('exact-validation modules (scripts/build-exact.mjs)');
    run(process.execPath, ['scripts/build-exact.mjs']);
  }
  const files = listedFiles();
  checkContents(files);
  if (!files.some((f) => f.startsWith('extension/dist/exact/'))) log('no exact-validation modules in dist/exact: this VSIX checks manifests with the engine alone');
  // Relative README links stay relative: there is no public repository URL to rewrite them against.
  run(vsce, ['package', ...vsceFlags, '--allow-missing-repository', '--no-rewrite-relative-links', '--out', vsix]);
  const bytes = statSync(vsix).size;
  log(`${vsix}: ${files.length} files, ${(bytes / 1024).toFixed(0)} KiB`);
  for (const f of files) log(`  ${f}`);
  return { vsix, files, bytes };
}

function main(argv) {
  const outAt = argv.indexOf('--out');
  const { vsix } = packageVsix({ out: outAt >= 0 ? argv[outAt + 1] : undefined, build: !argv.includes('--skip-build') });
  process.stdout.write(`${vsix}\n`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try { main(process.argv.slice(2)); } catch (e) {
    process.stderr.write(`[package] ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  }
}
