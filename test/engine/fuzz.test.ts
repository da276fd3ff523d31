// The fuzzer: real manifests from ../shared/corpus, mutated by seeded edits (byte flips, line
// deletions and duplications, indentation changes, splices, injected YAML tokens), each checked by
// the engine as `podscope lint` checks a file. Every document must give: no exception (a rule that
// throws shows up as internal-error and counts as one), at most 1 s of CPU, findings that keep the
// invariants (ranges inside the text, no undefined/NaN/[object Object]), the same findings twice.
// The unit phase runs a few hundred documents; PODSCOPE_FUZZ_DOCS=100000 is the long run
// (PODSCOPE_FUZZ_SEED picks another sequence; a failure names its seed and document to replay;
// PODSCOPE_FUZZ_DETERMINISM_EVERY=N re-checks only every Nth document, to halve a long run).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { defaultRegistry, invariantViolations, validateText } from '../../server/src/engine';
import { corpusFiles, corpusSkipReason, readCorpusFile } from '../corpus';
import { applyEdit, prng, randomEdit } from '../support/mutations';

const DOCS = Number(process.env.PODSCOPE_FUZZ_DOCS ?? 150);
const SEED = Number(process.env.PODSCOPE_FUZZ_SEED ?? 1);
const DETERMINISM_EVERY = Number(process.env.PODSCOPE_FUZZ_DETERMINISM_EVERY ?? 1);
const MAX_CPU_MS = 1000;

interface Failure { doc: number; kind: string; detail: string; text: string }

test(`fuzz: ${DOCS} mutated corpus documents (seed ${SEED}) — no exception, no document over 1 s, invariants hold, deterministic`, { skip: corpusSkipReason() }, (t) => {
  const registry = defaultRegistry();
  const pool = corpusFiles().map((f) => readCorpusFile(f.file)).filter((text) => text.length < 20_000);
  const failures: Failure[] = [];
  let findings = 0;
  let slowest = 0;
  let edits = 0;
  const started = process.hrtime.bigint();
  for (let doc = 0; doc < DOCS && failures.length < 20; doc++) {
    // Each document from its own seed, so one can be replayed without the ones before it.
    const rnd = prng(SEED * 1_000_003 + doc);
    let text = pool[Math.floor(rnd() * pool.length)]!;
    const n = 1 + Math.floor(rnd() * 8);
    for (let i = 0; i < n; i++) text = applyEdit(text, randomEdit(text, rnd, pool));
    edits += n;
    const fail = (kind: string, detail: string) => failures.push({ doc, kind, detail, text });
    const cpu = process.cpuUsage();
    let first: string;
    try {
      const result = validateText(text, registry);
      const used = process.cpuUsage(cpu);
      const ms = (used.user + used.system) / 1000;
      slowest = Math.max(slowest, ms);
      if (ms > MAX_CPU_MS) fail('slow', `${ms.toFixed(0)} ms of CPU`);
      findings += result.length;
      for (const f of result.filter((x) => x.code === 'internal-error')) fail('exception', f.message);
      for (const v of invariantViolations(text, result)) fail('invariant', v);
      first = JSON.stringify(result);
    } catch (err) {
      fail('exception', (err as Error).stack ?? String(err));
      continue;
    }
    if (doc % DETERMINISM_EVERY === 0 && JSON.stringify(validateText(text, registry)) !== first) fail('nondeterministic', 'a second check of the same text gave other findings');
    if (DOCS >= 10_000 && (doc + 1) % 10_000 === 0) process.stderr.write(`fuzz: ${doc + 1} documents, ${failures.length} failures, slowest ${slowest.toFixed(0)} ms CPU\n`);
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  t.diagnostic(`fuzz: ${DOCS} documents, ${edits} edits, ${findings} findings, slowest ${slowest.toFixed(0)} ms CPU, ${seconds.toFixed(1)} s, ${failures.length} failures`);
  assert.deepEqual(failures.map((f) => `seed ${SEED} doc ${f.doc}: ${f.kind}: ${f.detail}\n${JSON.stringify(f.text.slice(0, 2000))}`), []);
});
