import assert from 'node:assert/strict';
import { test } from 'node:test';
import { containerResourceNameErrors, isExtendedResourceName, isIntegerResourceName, isOvercommitAllowed } from '../../../server/src/engine/validation/resourceNames';

test('resourceNames: container resource names the API server accepts', () => {
  for (const ok of ['cpu', 'memory', 'ephemeral-storage', 'hugepages-2Mi', 'nvidia.com/gpu', 'example.com/foo']) {
    assert.deepEqual(containerResourceNameErrors(ok), [], ok);
  }
  assert.deepEqual(containerResourceNameErrors('cpus'), ['must be a standard resource type or fully qualified', 'must be a standard resource for containers']);
  assert.deepEqual(containerResourceNameErrors('pods'), ['must be a standard resource for containers']);
  assert.deepEqual(containerResourceNameErrors('requests.example.com/x').at(-1), "doesn't follow extended resource name standard");
});

test('resourceNames: overcommit and integer classes', () => {
  assert.equal(isOvercommitAllowed('cpu'), true);
  assert.equal(isOvercommitAllowed('kubernetes.io/foo'), true);
  assert.equal(isOvercommitAllowed('hugepages-1Gi'), false);
  assert.equal(isOvercommitAllowed('example.com/gpu'), false);
  assert.equal(isExtendedResourceName('example.com/gpu'), true);
  assert.equal(isExtendedResourceName('kubernetes.io/gpu'), false);
  assert.equal(isIntegerResourceName('example.com/gpu'), true);
  assert.equal(isIntegerResourceName('pods'), true);
  assert.equal(isIntegerResourceName('memory'), false);
});
