// Stops and restarts the kube-apiserver of a local cluster, for tests of what clients do when it goes away. kwokctl
// started it detached and only its pid file knows it; a restart reuses its exact command line, working directory and
// environment (plus any extra flags), and writes the new pid back, so `cluster:down` still finds and stops it.
import { closeSync, openSync, readFileSync, readlinkSync, writeFileSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { reap, liveComponents } from './componentProcesses';
import type { ClusterLayout } from './layout';

interface Launch {
  argv: string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
}

const COMPONENT = 'kube-apiserver';

export class ApiServerProcess {
  private launch: Launch | undefined;

  constructor(private readonly layout: ClusterLayout) {}

  private pid(): number {
    const pid = liveComponents(this.layout).get(COMPONENT);
    if (pid === undefined) throw new Error(`no running ${COMPONENT} in ${this.layout.clusterDir}`);
    return pid;
  }

  /**
   * SIGTERM, then SIGKILL after `graceMs`: with long-running requests open (watches, log follows, exec) the graceful
   * shutdown drains for a minute, longer than a test should wait. Resolves true when it had to be killed.
   */
  async stop(graceMs = 5_000): Promise<boolean> {
    const pid = this.pid();
    this.launch = {
      argv: readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter((a) => a !== ''),
      cwd: readlinkSync(`/proc/${pid}/cwd`),
      env: Object.fromEntries(readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0').filter((e) => e.includes('=')).map((e) => {
        const i = e.indexOf('=');
        return [e.slice(0, i), e.slice(i + 1)];
      })),
    };
    process.kill(pid, 'SIGTERM');
    return (await reap([pid], this.layout, graceMs)).length > 0;
  }

  /** Starts it again as it was, with `flags` added (a later flag wins over an earlier one of the same name). */
  start(flags: string[] = []): number {
    const launch = this.launch;
    if (!launch) throw new Error(`${COMPONENT} was not stopped by this helper`);
    const log = openSync(join(this.layout.clusterDir, 'logs', `${COMPONENT}.restarted.log`), 'a');
    const [command, ...args] = launch.argv;
    // Detached like kwokctl's own start, so it belongs to the cluster, not to the test process.
    const child = spawn(command, [...args, ...flags], { cwd: launch.cwd, env: launch.env, detached: true, stdio: ['ignore', log, log] });
    closeSync(log);
    child.unref();
    if (!child.pid) throw new Error(`${COMPONENT} did not start`);
    writeFileSync(join(this.layout.pidsDir, `${COMPONENT}.pid`), String(child.pid));
    return child.pid;
  }
}
