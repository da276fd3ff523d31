// Bundles the three entry points. Type checking is `tsc --noEmit` (npm run lint), not esbuild's job.
import * as esbuild from 'esbuild';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: !production,
  minify: production,
  logLevel: 'info',
  external: ['vscode'],
};

const entries = [
  { entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js' },
  { entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js' },
  { entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js' },
  // The exact validator's worker thread (server and CLI find it beside themselves).
  { entryPoints: ['server/src/exact/exactWorker.ts'], outfile: 'dist/exactWorker.js' },
];

for (const e of entries) {
  const ctx = await esbuild.context({ ...common, ...e });
  if (watch) await ctx.watch();
  else { await ctx.rebuild(); await ctx.dispose(); }
}
