import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  annotationsSize, isAnnotationKey, isConfigMapKey, isDNS1035Label, isDNS1123Label, isDNS1123Subdomain, isEnvVarName,
  isQualifiedName, isLabelValue, isRelaxedEnvVarName, isValidPortName, isValidPortNum, regexError,
} from '../../../server/src/engine/validation/names';

const LABEL_MSG = "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";

test('regexError builds the same sentence as apimachinery RegexError', () => {
  assert.equal(regexError('m', 'f'), "m (regex used for validation is 'f')");
  assert.equal(regexError('m', 'f', 'a', 'b'), "m (e.g. 'a',  or 'b', regex used for validation is 'f')");
});

test('isDNS1123Label: valid, invalid, dots and length', () => {
  for (const ok of ['a', 'my-name', '123-abc', 'a'.repeat(63)]) assert.deepEqual(isDNS1123Label(ok), [], ok);
  assert.deepEqual(isDNS1123Label('My_Name'), [LABEL_MSG]);
  assert.deepEqual(isDNS1123Label('a.b'), ['must not contain dots']);
  assert.deepEqual(isDNS1123Label('-a'), [LABEL_MSG]);
  assert.deepEqual(isDNS1123Label('a'.repeat(64)), ['must be no more than 63 characters']);
  assert.deepEqual(isDNS1123Label(''), [LABEL_MSG]);
});

test('isDNS1123Subdomain and isDNS1035Label', () => {
  assert.deepEqual(isDNS1123Subdomain('example.com'), []);
  assert.deepEqual(isDNS1123Subdomain('Example.com'), [
    "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
  ]);
  assert.deepEqual(isDNS1123Subdomain(`${'a'.repeat(250)}.com`), ['must be no more than 253 characters']);
  assert.deepEqual(isDNS1035Label('abc-1'), []);
  assert.equal(isDNS1035Label('1abc').length, 1);
});

test('isValidPortName follows IANA_SVC_NAME, reporting every broken rule', () => {
  for (const ok of ['http', 'h2c', 'metrics-1', 'a'.repeat(15)]) assert.deepEqual(isValidPortName(ok), [], ok);
  assert.deepEqual(isValidPortName('HTTP'), ['must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)', 'must contain at least one letter (a-z)']);
  assert.deepEqual(isValidPortName('8080'), ['must contain at least one letter (a-z)']);
  assert.deepEqual(isValidPortName('a--b'), ['must not contain consecutive hyphens']);
  assert.deepEqual(isValidPortName('-ab'), ['must not begin or end with a hyphen']);
  assert.deepEqual(isValidPortName('a'.repeat(16)), ['must be no more than 15 characters']);
  assert.deepEqual(isValidPortNum(0), ['must be between 1 and 65535, inclusive']);
  assert.deepEqual(isValidPortNum(65535), []);
});

test('env var names: relaxed (printable ASCII except =) and strict', () => {
  assert.deepEqual(isRelaxedEnvVarName('1 weird:name!'), []);
  assert.deepEqual(isRelaxedEnvVarName('A=B'), ["a valid environment variable name must consist only of printable ASCII characters other than '='"]);
  assert.deepEqual(isRelaxedEnvVarName('é'), ["a valid environment variable name must consist only of printable ASCII characters other than '='"]);
  assert.deepEqual(isRelaxedEnvVarName('tab\there').length, 1);
  assert.deepEqual(isRelaxedEnvVarName(''), ['environment variable name must be non-empty']);
  assert.deepEqual(isEnvVarName('MY_VAR.x-1'), []);
  assert.equal(isEnvVarName('1ABC').length, 1);
  assert.deepEqual(isEnvVarName('..'), ["must not be '..'"]);
  assert.deepEqual(isConfigMapKey('..x'), ["must not start with '..'"]);
});

test('label keys and values, annotation keys', () => {
  assert.deepEqual(isQualifiedName('app.kubernetes.io/name'), []);
  assert.deepEqual(isQualifiedName('MyName'), []);
  assert.deepEqual(isQualifiedName('/name'), ['prefix part must be non-empty']);
  assert.deepEqual(isQualifiedName('Example.com/name'), isDNS1123Subdomain('Example.com').map((m) => `prefix part ${m}`));
  assert.match(isQualifiedName('a/b/c')[0]!, /^a valid label key must consist of .* with an optional DNS subdomain prefix and '\/' \(e\.g\. 'example\.com\/MyName'\)$/);
  assert.equal(isQualifiedName('x/').length, 2);
  assert.deepEqual(isQualifiedName('x/').slice(0, 1), ['name part must be non-empty']);
  // Label keys and values come from apimachinery's content package, which counts bytes.
  assert.deepEqual(isQualifiedName('a'.repeat(64)).slice(0, 1), ['name part must be no more than 63 bytes']);
  assert.deepEqual(isQualifiedName(`${'a'.repeat(254)}/x`), ['prefix part must be no more than 253 bytes']);
  assert.deepEqual(isLabelValue('é'.repeat(32)).slice(0, 1), ['must be no more than 63 bytes']);
  assert.deepEqual(isLabelValue(''), []);
  assert.deepEqual(isLabelValue('v1.2_x-y'), []);
  assert.equal(isLabelValue('-bad').length, 1);
  assert.deepEqual(isAnnotationKey('Example.COM/Key'), []);
  assert.equal(annotationsSize([['ab', 'é']]), 4);
});
