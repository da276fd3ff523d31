import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatTabbed } from '../../../../client/src/kube/actions/tabWriter';

test('aligns a column across consecutive lines that have it, two spaces past the widest', () => {
  assert.equal(formatTabbed('Name:\tweb\nService Account:\tdefault\n'), 'Name:             web\nService Account:  default\n');
});

test('a line without the column ends the block; the next block aligns on its own', () => {
  const text = 'Name:\tweb\nIPs:\n  IP:\t10.0.0.1\nStatus:\tRunning\n';
  // "  IP:" and "Status:" are adjacent, so they share a block (kubectl shows the same quirk under IPs:).
  assert.equal(formatTabbed(text), 'Name:  web\nIPs:\n  IP:    10.0.0.1\nStatus:  Running\n');
});

test('nested levels share a block when they are adjacent, as in kubectl describe', () => {
  const text = '    State:\tRunning\n      Started:\tMon\n    Ready:\tTrue\n';
  assert.equal(formatTabbed(text), '    State:      Running\n      Started:  Mon\n    Ready:      True\n');
});

test('several columns and empty leading cells', () => {
  const text = 'Labels:\ta=1\n\tb=2\n  Type\tReason\tAge\n  ----\t------\t---\n';
  // One block for column 0 (all four lines have it): width = len('Labels:') + 2.
  assert.equal(formatTabbed(text), 'Labels:  a=1\n         b=2\n  Type   Reason  Age\n  ----   ------  ---\n');
});
