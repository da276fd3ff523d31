// Bundles the three entry points. Type checking is `tsc --noEmit` (npm run lint), not esbuild's job.
import * as esbuild from 'esbuild';
import { pathToFileURL } from 'node:url';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

export const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: !production,
  minify: production,
  logLevel: 'info',
  external: ['vscode'],
  // yaml's ESM build: esbuild calls into its CommonJS build through a getter per call (isMap, isPair…)
  // and its parser reads process.env once per token; together about a fifth of a lint's CPU time.
  alias: { yaml: './node_modules/yaml/browser/index.js' },
};

// The extension's activation evaluates dist/client.js alone: registrations. What starts after activation is in bundles
// of its own, loaded by Ctx then (its `import()` becomes a `require` of the sibling file): the pod explorer with
// @kubernetes/client-node, and the language client. Parsing them is then off the activation path too.
const LATE = { './clusterFeatures.js': './clusterFeatures.js', './lsp/client.js': './languageClient.js' };
export const lateModules = {
  name: 'late-modules',
  setup(build) {
    build.onResolve({ filter: /^\.\/(clusterFeatures|lsp\/client)\.js$/ }, (args) => (
      args.kind === 'dynamic-import' ? { path: LATE[args.path], external: true } : undefined));
  },
};

export const entries = [
  { entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', plugins: [lateModules], supported: { 'dynamic-import': false } },
  { entryPoints: ['client/src/clusterFeatures.ts'], outfile: 'dist/clusterFeatures.js' },
  { entryPoints: ['client/src/lsp/client.ts'], outfile: 'dist/languageClient.js' },
  { entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js' },
  { entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js' },
  // The exact validator's worker thread (server and CLI find it beside themselves).
  { entryPoints: ['server/src/exact/exactWorker.ts'], outfile: 'dist/exactWorker.js' },
];

// Imported by a test (test/client/activationBundle.test.ts) for the client entry's options; builds when run.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const e of entries) {
    const ctx = await esbuild.context({ ...common, ...e });
    if (watch) await ctx.watch();
    else { await ctx.rebuild(); await ctx.dispose(); }
  }
}
