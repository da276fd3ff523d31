import assert from 'node:assert/strict';
import { test } from 'node:test';
import { enumFromDescription } from '../../../server/src/engine/schema/build/enumFromDescription';

test('enumFromDescription: inline lists after "One of", "Valid values are", "Must be"', () => {
  assert.deepEqual(enumFromDescription('Image pull policy. One of Always, Never, IfNotPresent. Defaults to Always.'), ['Always', 'Never', 'IfNotPresent']);
  assert.deepEqual(enumFromDescription("Set DNS policy. Valid values are 'ClusterFirstWithHostNet', 'ClusterFirst', 'Default' or 'None'. More."), ['ClusterFirstWithHostNet', 'ClusterFirst', 'Default', 'None']);
  assert.deepEqual(enumFromDescription('Protocol for port. Must be UDP, TCP, or SCTP. Defaults to "TCP".'), ['UDP', 'TCP', 'SCTP']);
  assert.deepEqual(enumFromDescription('Valid values are "OnRootMismatch" and "Always". If not specified, "Always" is used.'), ['OnRootMismatch', 'Always']);
  assert.deepEqual(enumFromDescription('Supported values: cpu, memory.'), ['cpu', 'memory']);
});

test('enumFromDescription: labelled lists ("Valid options are: A - ...", "- \\"A\\" (default): ...")', () => {
  assert.deepEqual(enumFromDescription('type indicates the profile. Valid options are:  Localhost - a file. RuntimeDefault - the runtime default. Unconfined - no profile.'), ['Localhost', 'RuntimeDefault', 'Unconfined']);
  assert.deepEqual(enumFromDescription('How to treat runs. Valid values are:  - "Allow" (default): allows; - "Forbid": forbids; - "Replace": replaces'), ['Allow', 'Forbid', 'Replace']);
});

test('enumFromDescription: prose that is not a closed list yields nothing', () => {
  assert.equal(enumFromDescription('Must be a filesystem type supported by the host operating system.'), undefined);
  assert.equal(enumFromDescription('Must be an empty string (default) or Memory.'), undefined);
  assert.equal(enumFromDescription('must be None or unspecified (which defaults to None).'), undefined);
  assert.equal(enumFromDescription('Name of the container specified as a DNS_LABEL.'), undefined);
  assert.equal(enumFromDescription('One of ResourceClaimName and ResourceClaimTemplateName must be set.'), undefined);
});
