import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseDocument, type YAMLMap } from 'yaml';
import { containersOf } from '../../../../server/src/engine/podModel';
import { describeContainer, runTogether, whyApart } from '../../../../server/src/engine/rules/runtime/runTogether';

function containers(yaml: string) {
  const doc = parseDocument(yaml);
  return containersOf(doc.contents as YAMLMap, ['spec'], doc);
}

test('runTogether: sidecars overlap with everything after them, regular init containers with nothing but earlier sidecars', () => {
  const [side1, setup, side2, app, debug] = containers(`
initContainers:
- {name: side1, restartPolicy: Always}
- {name: setup}
- {name: side2, restartPolicy: Always}
containers:
- {name: app}
ephemeralContainers:
- {name: debug}
`);
  assert.ok(side1 && setup && side2 && app && debug);
  assert.equal(runTogether(side1, setup), true);
  assert.equal(runTogether(setup, side2), false);
  assert.equal(runTogether(side1, side2), true);
  assert.equal(runTogether(setup, app), false);
  assert.equal(runTogether(side2, app), true);
  assert.equal(runTogether(app, debug), true);
  assert.equal(runTogether(setup, setup), true);
  assert.equal(describeContainer(side2), 'sidecar container "side2"');
  assert.equal(describeContainer(debug), 'ephemeral container "debug"');
  assert.equal(whyApart(app, setup), 'init container "setup" runs to completion before container "app" starts');
});
