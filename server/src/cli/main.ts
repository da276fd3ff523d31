// `podscope` CLI entry (bundled as dist/cli.js, run by bin/podscope.js).
import { startServer } from '../lsp/startServer';
import { EXIT } from './errors';
import { run } from './run';

function main(): void {
  // `podscope lint . | head -1`: the reader went away, so there is nobody left to tell anything.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? EXIT.ok);
    throw err;
  });
  let outcome: ReturnType<typeof run>;
  try {
    outcome = run(process.argv.slice(2), {
      stdout: (text) => process.stdout.write(text),
      stderr: (text) => process.stderr.write(text),
    });
  } catch (err) {
    // A bug, not a user mistake: say so in one line; the stack only on request.
    process.stderr.write(`podscope: internal error: ${(err as Error).message}\n`);
    if (process.env.PODSCOPE_DEBUG) process.stderr.write(`${(err as Error).stack}\n`);
    process.exitCode = EXIT.error;
    return;
  }
  // createConnection() finds `--stdio` in process.argv and routes console output away from stdout.
  if (outcome === 'lsp') startServer();
  else process.exitCode = outcome;
}

main();
