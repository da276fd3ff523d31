// How much a log view following a fast container costs the extension host's thread: a LogSession (the view's own
// stream path: timestamps parsed, resume position kept, buffer capped) fed at a steady rate in process, with the view's
// re-read every 200 ms (LogViews.readFile: the buffer's text as UTF-8 bytes), while Node's event-loop delay monitor
// records how long other work (a command, a tree refresh, a keystroke's extension call) would have waited.
//   node --import tsx test/bench/logPace.ts [--rate=10000] [--seconds=10] [--json] [--no-write]
// (`npm run bench -- --only pace` runs it in a process of its own: the thread's share and its pauses are this process's.)
// Plain JSON lines or text, as containers print; the JSON rendering is the default presentation's (raw).
import { cpus, loadavg } from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { LogSession } from '../../client/src/kube/logs/logSession';
import type { LogOpener } from '../../client/src/kube/logs/logTransport';
import { marked, markers, writeSection } from './docSection';

const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
const RATE = Number(arg('rate') ?? 10_000);
const SECONDS = Number(arg('seconds') ?? 10);
const TICK_MS = 10;
const FLUSH_MS = 200;
const MAX_LINES = 100_000;
const SECTION = markers('pace-bench', 'npm run bench -- --only pace');

function line(i: number): string {
  const ts = new Date(Date.now()).toISOString().replace('Z', '000000Z');
  return i % 2
    ? `${ts} {"level":"info","ts":"${ts}","msg":"request served","path":"/api/items/${i}","status":200,"bytes":${i % 9000}}\n`
    : `${ts} 10.0.0.${i % 250} - - "GET /static/app.${i % 97}.js HTTP/1.1" 200 ${i % 5000} "-" "Mozilla/5.0"\n`;
}

async function main(): Promise<void> {
  const perTick = Math.round((RATE * TICK_MS) / 1000);
  let sent = 0;
  let timer: NodeJS.Timeout | undefined;
  let finish!: () => void;
  const finished = new Promise<void>((r) => (finish = r));
  // A follow stream that delivers `perTick` lines every TICK_MS, as the API server's chunks arrive.
  const opener: LogOpener = async (_request, onChunk) => {
    timer = setInterval(() => {
      let chunk = '';
      for (let k = 0; k < perTick; k++) chunk += line(sent++);
      onChunk(Buffer.from(chunk, 'utf8'));
      if (sent >= RATE * SECONDS) {
        clearInterval(timer);
        finish();
      }
    }, TICK_MS);
    return { closed: finished, abort: () => { clearInterval(timer); finish(); } };
  };
  let dirty = false;
  let reads = 0;
  let readBytes = 0;
  const session = new LogSession(
    { namespace: 'bench', pod: 'fast', containers: ['app'], follow: true, previous: false, timestamps: false },
    () => opener,
    { changed: () => { dirty = true; }, state() {} },
    { maxLines: MAX_LINES },
  );
  const flush = setInterval(() => {
    if (!dirty) return;
    dirty = false;
    readBytes = Buffer.from(session.buffer.text(), 'utf8').length;
    reads++;
  }, FLUSH_MS);
  const delay = monitorEventLoopDelay({ resolution: 1 });
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  delay.enable();
  const running = session.start();
  await finished;
  delay.disable();
  const wall = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  clearInterval(flush);
  session.stop();
  await running.catch(() => undefined);
  const ms = (ns: number) => ns / 1e6;
  const result = {
    rate: RATE, seconds: SECONDS, lines: sent, kept: session.buffer.lineCount, reads, lastReadMiB: readBytes / 2 ** 20,
    cpuShare: (cpu.user + cpu.system) / 1000 / wall,
    loopDelayMs: { p50: ms(delay.percentile(50)), p99: ms(delay.percentile(99)), max: ms(delay.max) },
    machine: `${cpus().length} × ${cpus()[0]?.model.trim()}, load average ${loadavg()[0]!.toFixed(2)}, Node ${process.version}`,
  };
  if (process.argv.includes('--json')) {
    process.stdout.write(`${JSON.stringify(result)}\n`);
    return;
  }
  const share = `${(result.cpuShare * 100).toFixed(1)}% of a core`;
  const d = result.loopDelayMs;
  const body = [
    `#### Latest run: \`node --import tsx test/bench/logPace.ts --rate=${RATE} --seconds=${SECONDS}\``,
    '',
    `Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, ${result.machine}; ${result.lines.toLocaleString('en-US')} lines,`,
    `${result.kept.toLocaleString('en-US')} kept.`,
    '',
    '| rate | thread busy | event-loop delay p50 / p99 / max | view re-reads, last size |',
    '| --- | ---: | ---: | ---: |',
    `| ${RATE.toLocaleString('en-US')} lines/s, ${SECONDS} s | ${share} | ${d.p50.toFixed(1)} / ${d.p99.toFixed(1)} / ${d.max.toFixed(0)} ms | ${reads}, ${result.lastReadMiB.toFixed(1)} MiB |`,
  ].join('\n');
  process.stdout.write(`\n${marked(SECTION, body)}\n`);
  if (!process.argv.includes('--no-write')) writeSection(SECTION, body);
}

main().catch((err: unknown) => {
  process.stderr.write(`${(err as Error).stack ?? String(err)}\n`);
  process.exitCode = 1;
});
