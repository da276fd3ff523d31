// The differential test of the exact layer: every manifest of exactMutations.ts goes to the local
// cluster's kube-apiserver as a server-side dry run (fieldValidation=Strict, kubectl's default) and
// to Podscope (engine + exact module of the cluster's minor), and the answers are compared:
//   - rejections: every field the API server names must carry a Podscope error (decode errors,
//     which name no field, must get an api-decode error);
//   - acceptances: Podscope must report no error at all;
//   - warnings: every Warning header must be one of Podscope's api-warning findings, word for word.
// Admission plugins that need cluster state (403 Forbidden: the service account exists, priority
// classes, RuntimeClass overhead) cannot run offline; they are counted apart, not as misses.
// Figures are printed and written to $PODSCOPE_DIFF_REPORT (default: a file in the OS temp dir).
import assert from 'node:assert/strict';
import { request } from 'node:https';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { KubeConfig } from '@kubernetes/client-node';
import { stringify } from 'yaml';
import { exactRefiner } from '../../server/src/cli/exact';
import { defaultRegistry, parseFile, validateParsed, type Finding } from '../../server/src/engine';
import { findModules, minorOf, moduleDirs, REPO_DIST } from '../../server/src/exact/modules';
import { phaseCluster } from './phaseCluster';
import { generateManifests, type Manifest } from './exactMutations';

const phase = phaseCluster('PODSCOPE_EXACT_DIFF');

interface ServerAnswer {
  status: number;
  /** Fields of a 422's causes; for a strict 400, the unknown fields' paths. */
  fields: string[];
  message: string;
  warnings: string[];
}

const RESOURCE: Record<string, string> = {
  Pod: '/api/v1/namespaces/default/pods', PodTemplate: '/api/v1/namespaces/default/podtemplates',
  ReplicationController: '/api/v1/namespaces/default/replicationcontrollers',
  Deployment: '/apis/apps/v1/namespaces/default/deployments', StatefulSet: '/apis/apps/v1/namespaces/default/statefulsets',
  DaemonSet: '/apis/apps/v1/namespaces/default/daemonsets', ReplicaSet: '/apis/apps/v1/namespaces/default/replicasets',
  Job: '/apis/batch/v1/namespaces/default/jobs', CronJob: '/apis/batch/v1/namespaces/default/cronjobs',
};

async function dryRun(kc: KubeConfig, m: Manifest): Promise<ServerAnswer> {
  const url = new URL(`${kc.getCurrentCluster()!.server}${RESOURCE[m.kind]}?dryRun=All&fieldValidation=Strict`);
  const opts: Parameters<typeof request>[1] = { method: 'POST', headers: { 'content-type': 'application/json' } };
  await kc.applyToHTTPSOptions(opts);
  const body = JSON.stringify(m.object);
  return new Promise((resolve, reject) => {
    const req = request(url, opts, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d) => (text += d));
      res.on('end', () => {
        const raw = res.headers.warning;
        const warnings = (Array.isArray(raw) ? raw : raw ? [raw] : []).flatMap(splitWarnings);
        const status = res.statusCode ?? 0;
        if (status < 300) return resolve({ status, fields: [], message: '', warnings });
        const s = JSON.parse(text) as { message?: string; details?: { causes?: { field?: string; message?: string }[] } };
        const message = s.message ?? '';
        let fields = (s.details?.causes ?? []).map((c) => c.field ?? '').filter(Boolean);
        if (!fields.length) fields = [...message.matchAll(/unknown field "([^"]+)"/g)].map((x) => x[1]!);
        resolve({ status, fields: [...new Set(fields)], message, warnings });
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** `299 - "text", 299 - "other"` → the texts (Node joins repeated Warning headers with commas). */
function splitWarnings(header: string): string[] {
  return [...header.matchAll(/299 - "((?:[^"\\]|\\.)*)"/g)].map((x) => x[1]!.replace(/\\(.)/g, '$1'));
}

interface Tally { rejected: number; rejectedMatched: number; accepted: number; falseErrors: number; warnings: number; warningsMatched: number; admission: number }
const empty = (): Tally => ({ rejected: 0, rejectedMatched: 0, accepted: 0, falseErrors: 0, warnings: 0, warningsMatched: 0, admission: 0 });

test('Podscope answers as kube-apiserver does on the generated manifests', { timeout: 30 * 60_000 }, async (t) => {
  const cluster = phase.cluster;
  if (!cluster) {
    t.skip(phase.unavailable);
    return;
  }
  const kc = new KubeConfig();
  kc.loadFromFile(cluster.kubeconfig);
  const version = (await cluster.kubectl.json<{ serverVersion: { gitVersion: string } }>(['version'])).serverVersion.gitVersion;
  const modules = findModules(moduleDirs(REPO_DIST));
  const module = modules.find((x) => x.minor === minorOf(version));
  if (!module) {
    t.skip(`no exact module for the cluster's ${version} (npm run build builds it)`);
    return;
  }
  const registry = defaultRegistry();
  const refine = exactRefiner({ enable: true, kubernetesVersion: module.minor, featureGates: {} }, registry, {}, (line) => process.stderr.write(`${line}\n`), modules)!;
  const manifests = generateManifests();
  const total = empty();
  const byArea = new Map<string, Tally>();
  const misses: string[] = [];
  for (const m of manifests) {
    const server = await dryRun(kc, m);
    // YAML 1.1 output quotes `yes`, `y`, `on`: the text means the JSON that was sent, as kubectl reads it.
    const file = parseFile(stringify(m.object, { version: '1.1' }));
    const ours: Finding[] = refine(file, validateParsed(file, registry));
    const errors = ours.filter((f) => f.severity === 'error');
    const area = byArea.get(m.area) ?? empty();
    byArea.set(m.area, area);
    for (const tally of [total, area]) {
      if (server.status === 403) {
        tally.admission++;
      } else if (server.status >= 300) {
        tally.rejected++;
        const matched = server.fields.length
          ? server.fields.every((field) => errors.some((f) => f.path === field))
          : errors.some((f) => f.code === 'api-decode');
        if (matched) tally.rejectedMatched++;
        else if (tally === total) misses.push(`${m.id} [${m.mutation}]: server ${server.status} ${server.fields.join(', ') || server.message.slice(0, 160)}; ours: ${errors.map((f) => f.path).join(', ') || '(none)'}`);
      } else {
        tally.accepted++;
        if (errors.length) {
          tally.falseErrors++;
          if (tally === total) misses.push(`${m.id} [${m.mutation}]: accepted by the server; ours: ${errors.map((f) => `${f.code} ${f.path}: ${f.message.slice(0, 100)}`).join('; ')}`);
        }
      }
      const ourWarnings = new Set(ours.filter((f) => f.code === 'api-warning').map((f) => (f.path ? `${f.path}: ${f.message}` : f.message)));
      for (const w of server.warnings) {
        tally.warnings++;
        if (ourWarnings.has(w)) tally.warningsMatched++;
        else if (tally === total) misses.push(`${m.id} [${m.mutation}]: server warned "${w}"; ours: ${[...ourWarnings].join(' | ') || '(none)'}`);
      }
    }
  }
  const pct = (a: number, b: number) => (b ? ((100 * a) / b).toFixed(2) : '100.00');
  const report = {
    kubernetes: version, module: module.version, manifests: manifests.length, ...total,
    rejectionsAtSamePath: pct(total.rejectedMatched, total.rejected), warningsMatched: pct(total.warningsMatched, total.warnings),
    byArea: Object.fromEntries([...byArea].map(([a, x]) => [a, { ...x, rejectionsAtSamePath: pct(x.rejectedMatched, x.rejected) }])),
    misses,
  };
  const out = process.env.PODSCOPE_DIFF_REPORT ?? join(tmpdir(), `podscope-exact-differential-${version}.json`);
  writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);
  t.diagnostic(`${version}: ${manifests.length} manifests, ${total.admission} refused by admission plugins, ${total.rejected} rejected (${report.rejectionsAtSamePath}% at the same path), ${total.accepted} accepted (${total.falseErrors} with a Podscope error), ${total.warnings} warnings (${report.warningsMatched}% matched); report: ${out}`);
  assert.ok(total.rejected > 0 && total.accepted > 0, 'the set must hold both accepted and rejected manifests');
  assert.ok(total.rejectedMatched / total.rejected >= 0.995, `rejections at the same path ${report.rejectionsAtSamePath}% < 99.5%:\n${misses.slice(0, 40).join('\n')}`);
  assert.equal(total.falseErrors, 0, `errors on manifests the API server accepts:\n${misses.filter((x) => x.includes('accepted by')).slice(0, 40).join('\n')}`);
  assert.ok(total.warningsMatched / Math.max(total.warnings, 1) >= 0.99, `warnings matched ${report.warningsMatched}% < 99%:\n${misses.filter((x) => x.includes('warned')).slice(0, 40).join('\n')}`);
});
