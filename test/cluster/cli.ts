// `npm run cluster:up | cluster:down | cluster:status`. Progress goes to stderr; on success `up` prints two stdout
// lines, KUBECONFIG_RESTRICTED=<path> and KUBECONFIG=<path>, or with `--json` one JSON line for scripts
// (scripts/cluster.mjs): {kubeconfig, restrictedKubeconfig, server, created}, or {unavailable} with exit code 3.
import { clusterLayout } from './layout';
import { ClusterUnavailableError } from './clusterUnavailable';
import { clusterDown, clusterStatus, clusterUp } from './lifecycle';
import { withLock } from './lock';

const log = (line: string) => process.stderr.write(`[cluster] ${line}\n`);
const seconds = (since: number) => `${((Date.now() - since) / 1000).toFixed(1)} s`;

const json = process.argv.includes('--json');

async function main(cmd: string | undefined): Promise<number> {
  const layout = clusterLayout();
  const t0 = Date.now();
  switch (cmd) {
    case 'up': {
      // PODSCOPE_CLUSTER_CLAIM=0: reuse a running cluster without taking it over from the test run that started it.
      const claim = process.env.PODSCOPE_CLUSTER_CLAIM !== '0';
      const up = await withLock(layout.lockDir, () => clusterUp(layout, 'cli', log, claim));
      log(`${up.created ? 'created' : 'reused'} cluster in ${seconds(t0)}; API server ${up.state.server}; ${up.pods.length} seeded pods`);
      if (json) {
        const { kubeconfig, restrictedKubeconfig, server } = up.state;
        process.stdout.write(`${JSON.stringify({ kubeconfig, restrictedKubeconfig, server, created: up.created })}\n`);
      } else {
        process.stdout.write(`KUBECONFIG_RESTRICTED=${up.state.restrictedKubeconfig}\nKUBECONFIG=${up.state.kubeconfig}\n`);
      }
      return 0;
    }
    case 'down': {
      const r = await withLock(layout.lockDir, () => clusterDown(layout, log));
      log(r.stopped === 0 ? 'no cluster was running' : `stopped ${r.stopped} processes (${r.killed} needed SIGKILL) in ${seconds(t0)}`);
      return 0;
    }
    case 'status': {
      const s = await clusterStatus(layout);
      process.stdout.write(`${s.reason}\n`);
      return s.running ? 0 : 1;
    }
    default:
      process.stderr.write('usage: cli.ts up|down|status\n');
      return 2;
  }
}

main(process.argv[2]).then(
  (code) => process.exit(code),
  (err: unknown) => {
    // Exit 3 = this machine cannot run a cluster (no binaries, no Go): callers may skip, not fail.
    if (err instanceof ClusterUnavailableError) {
      log(`unavailable: ${err.message}`);
      if (json) process.stdout.write(`${JSON.stringify({ unavailable: err.message })}\n`);
      process.exit(3);
    }
    log(String(err instanceof Error ? err.stack : err));
    process.exit(1);
  },
);
