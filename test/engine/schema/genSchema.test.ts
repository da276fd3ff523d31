import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { generate, OUTPUT, render, ROOT_MODELS } from '../../../scripts/gen-schema';

test('gen-schema: the committed schema is what the generator makes from the installed client-node (drift guard)', () => {
  const committed = readFileSync(OUTPUT, 'utf8');
  assert.ok(committed === render(generate()), `${OUTPUT} is out of date: run npm run gen:schema`);
});

test('gen-schema: output is deterministic and holds only types reachable from the nine roots', () => {
  const a = generate();
  assert.equal(render(a), render(generate()));
  assert.deepEqual(Object.values(a.kinds).map((k) => k.type).sort(), [...ROOT_MODELS].sort());
  // Reachability closure: every referenced type is present, and every present type is referenced or a root.
  const refs = new Set<string>(ROOT_MODELS);
  for (const t of Object.values(a.types)) {
    for (const f of Object.values(t.fields)) {
      const ref = f.type.replace(/^(\[\]|\{\})+/, '');
      if (/^[A-Z]/.test(ref)) refs.add(ref);
    }
  }
  assert.deepEqual([...refs].sort(), Object.keys(a.types).sort());
  assert.equal(a.types.V1Service, undefined);
});
