// The corpus guard with the exact layer on: kube-apiserver's own validation (the module of the default version,
// `auto` without a cluster: the newest bundled) beside the engine, over the files the corpus README calls valid.
// An error here is either the API server's (then the file is listed in KNOWN_REJECTED_UPSTREAM with the reason)
// or a bug in how the layer reads YAML or maps the verdict.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { exactRefiner } from '../../server/src/cli/exact';
import { defaultRegistry, parseFile, validateParsed } from '../../server/src/engine';
import { chooseVersion, findModules, moduleDirs, REPO_DIST } from '../../server/src/exact/modules';
import { corpusFalseErrors, corpusSkipReason } from '../corpus';

const modules = findModules(moduleDirs(REPO_DIST));
const module = chooseVersion('auto', undefined, modules).module;
const skip = corpusSkipReason() ?? (module ? false : 'no exact module built (npm run build builds them when Go is installed)');

test(`corpus: files expected to be valid get no error with the exact layer on (Kubernetes ${module?.version ?? 'none'})`, { skip, timeout: 300_000 }, () => {
  const registry = defaultRegistry();
  const warnings: string[] = [];
  const refine = exactRefiner({ enable: true, kubernetesVersion: 'auto', featureGates: {} }, registry, {}, (line) => warnings.push(line), modules)!;
  const { checked, offenders, missing } = corpusFalseErrors('exact', (text) => {
    const file = parseFile(text);
    return refine(file, validateParsed(file, registry));
  });
  assert.deepEqual(warnings, [], 'the module loaded and answered every file');
  assert.ok(checked > 300, `expected over 300 files to check, found ${checked}`);
  assert.equal(offenders.length, 0, `${offenders.length} error(s) on files that should be valid:\n${offenders.join('\n')}`);
  assert.deepEqual(missing, [], 'known upstream errors no longer reported: update KNOWN_REJECTED_UPSTREAM');
});
