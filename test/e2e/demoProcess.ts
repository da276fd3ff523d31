// `node scripts/demo.mjs` as a child process, for the demo tests: waits for the lines it prints once it is ready
// (PODSCOPE_DEMO_URL / _PID / _PROFILE) and tells what is left of it afterwards.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import { repoRoot } from './editorTools';

export interface DemoReady { url: string; pid: number; profileDir: string }

export interface DemoRun {
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** Resolves once the demo printed its URL lines; rejects if it exits first. */
  ready: Promise<DemoReady>;
  /** Exit code (or signal name) once the process is gone. */
  exited: Promise<number | string>;
}

export function startDemo(args: string[], env: NodeJS.ProcessEnv): DemoRun {
  const child = spawn(process.execPath, [path.join(repoRoot, 'scripts', 'demo.mjs'), ...args], {
    cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  const exited = new Promise<number | string>((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal ?? 'unknown')));
  const ready = new Promise<DemoReady>((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const url = /^PODSCOPE_DEMO_URL=(\S+)$/m.exec(out)?.[1];
      const pid = /^PODSCOPE_DEMO_PID=(\d+)$/m.exec(out)?.[1];
      const profileDir = /^PODSCOPE_DEMO_PROFILE=(\S+)$/m.exec(out)?.[1];
      if (url && pid && profileDir) resolve({ url, pid: Number(pid), profileDir });
    });
    void exited.then((code) => reject(new Error(`demo exited (${code}) before it was ready\nstdout:\n${out}\nstderr:\n${err}`)));
  });
  child.stderr!.on('data', (d: Buffer) => { err += d.toString(); });
  // Keep an unobserved rejection (demo exits after being ready) from failing the test process.
  ready.catch(() => {});
  return { child, stdout: () => out, stderr: () => err, ready, exited };
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Processes whose command line mentions `needle` (code-server and its children all carry the profile dir). */
export function processesMentioning(needle: string): string[] {
  const r = spawnSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' });
  return r.stdout.split('\n').filter((l) => l.includes(needle) && !l.includes('ps -eo'));
}

/** True when nothing accepts connections at `url` any more. */
export async function refusesConnections(url: string): Promise<boolean> {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(5_000) });
    await res.arrayBuffer();
    return false;
  } catch {
    return true;
  }
}

export function clusterRunning(): boolean {
  return spawnSync('npm', ['run', '--silent', 'cluster:status'], { cwd: repoRoot, stdio: 'ignore' }).status === 0;
}
