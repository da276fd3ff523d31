// Part of `npm run build`: builds the exact-validation modules (scripts/build-exact.sh, cached per
// Kubernetes version outside the repo) and copies them into dist/exact/<version>/. Without Go the
// build goes on, and says the bundles will lack exact validation.
//   PODSCOPE_EXACT=off             skip (the engine alone checks manifests)
//   PODSCOPE_EXACT_VERSIONS=a,b    build only these versions (default: server/exact/versions.json)
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const log = (line) => process.stderr.write(`[build-exact] ${line}\n`);

if (process.env.PODSCOPE_EXACT === 'off') {
  log('PODSCOPE_EXACT=off: skipped; the bundles check manifests with the engine alone');
  process.exit(0);
}
const versions = process.env.PODSCOPE_EXACT_VERSIONS?.split(',').map((v) => v.trim()).filter(Boolean)
  ?? JSON.parse(readFileSync(join(root, 'server/exact/versions.json'), 'utf8')).versions;

const started = Date.now();
const out = join(root, 'dist/exact');
rmSync(out, { recursive: true, force: true });
const build = spawnSync('bash', [join(root, 'scripts/build-exact.sh'), '--dest', out, ...versions], { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });
if (build.status === 3) {
  log('Go is not installed: dist/ gets no exact-validation modules (Podscope will say so when it starts)');
  process.exit(0);
}
if (build.status !== 0) {
  log(`building the modules failed (exit ${build.status}); see the output above`);
  process.exit(1);
}
for (const v of versions) {
  if (!existsSync(join(out, v, 'exact.wasm.gz'))) { log(`missing ${join(out, v, 'exact.wasm.gz')}`); process.exit(1); }
}
log(`${versions.join(', ')} in dist/exact (${((Date.now() - started) / 1000).toFixed(1)} s)`);
