import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { generate, generateAll, minorOf, moduleDir, outputFile, render, ROOT_KINDS, VERSIONS } from '../../../scripts/gen-schema';
import { SCHEMA_VERSIONS } from '../../../server/src/engine';
import { applyDelta, BASE_MINOR, type JsonSchema, type JsonSchemaDelta } from '../../../server/src/engine/schema/schemaDelta';

// The generator reads k8s.io/kubernetes through the go command (the module cache, or the Go module proxy).
const needsGo = spawnSync('go', ['version']).status === 0 ? false : 'needs Go: the generator reads the OpenAPI specs of k8s.io/kubernetes through go mod download';
const ROOT = join(__dirname, '..', '..', '..');

test('gen-schema --check: the committed schemas are what the generator derives from each version\'s OpenAPI v3 specs (drift guard)', { skip: needsGo, timeout: 600_000 }, () => {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/gen-schema.ts', '--check'], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(run.status, 0, `${run.stderr}${run.stdout}`);
  assert.match(run.stdout, new RegExp(`${VERSIONS.length} schema files are up to date`));
});

test('gen-schema: each version\'s delta applied to the base is the whole schema of that version', { skip: needsGo, timeout: 600_000 }, () => {
  const files = generateAll();
  const base = JSON.parse(readFileSync(outputFile(BASE_MINOR), 'utf8')) as JsonSchema;
  for (const version of VERSIONS) {
    const minor = minorOf(version);
    assert.equal(readFileSync(outputFile(minor), 'utf8'), files.get(outputFile(minor)), `${outputFile(minor)} is out of date: run npm run gen:schema`);
    if (minor === BASE_MINOR) continue;
    const delta = JSON.parse(readFileSync(outputFile(minor), 'utf8')) as JsonSchemaDelta;
    assert.deepEqual(applyDelta(base, delta), generate(version, moduleDir(version)), minor);
  }
});

test('gen-schema: every bundled exact-validation version has a schema, newest first, the base among them', () => {
  assert.deepEqual(SCHEMA_VERSIONS, VERSIONS.map(minorOf));
  assert.ok(SCHEMA_VERSIONS.includes(BASE_MINOR));
});

test('gen-schema: output is deterministic and holds only types reachable from the nine roots', { skip: needsGo, timeout: 600_000 }, () => {
  const version = VERSIONS[0]!;
  const a = generate(version);
  assert.equal(render(a), render(generate(version)));
  assert.deepEqual(Object.keys(a.kinds).sort(), Object.keys(ROOT_KINDS).sort());
  // Reachability closure: every referenced type is present, and every present type is referenced or a root.
  const refs = new Set<string>(Object.values(a.kinds).map((k) => k.type));
  for (const t of Object.values(a.types)) {
    for (const f of Object.values(t.fields)) {
      const ref = f.type.replace(/^(\[\]|\{\})+/, '');
      if (/^[A-Z]/.test(ref)) refs.add(ref);
    }
  }
  assert.deepEqual([...refs].sort(), Object.keys(a.types).sort());
  assert.equal(a.types.V1Service, undefined);
});
