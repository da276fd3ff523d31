import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ipWarning } from '../../../../server/src/engine/rules/runtime/ipAddressNonStandard';
import { assertOnlyFinding, byCode } from '../../helpers';
import { documents, pod, podNamed, template } from '../../../support/manifests';

const CODE = 'ip-address-non-standard';

test('ip-address-non-standard: leading zeros in a nameserver', () => {
  assertOnlyFinding(pod`
    containers: [{name: a, image: x:1}]
    dnsPolicy: None
    dnsConfig:
      nameservers: [010.0.0.53, 1.1.1.1]
  `, CODE, {
    path: 'spec.dnsConfig.nameservers[0]', severity: 'warning', at: [7, 18, 7, 28],
    message: 'non-standard IP address "010.0.0.53" is invalid: use "10.0.0.53"',
  });
});

test('ip-address-non-standard: host aliases in a template; per document', () => {
  const fs = byCode(documents(template('DaemonSet', 'd')`
    containers: [{name: a, image: x:1}]
    hostAliases: [{ip: "2001:DB8::1", hostnames: [a]}, {ip: "::ffff:10.1.2.3", hostnames: [b]}, {ip: "2001:db8::1", hostnames: [c]}]
  `, podNamed('ok')`
    containers: [{name: a, image: x:1}]
    hostAliases: [{ip: 127.0.0.1, hostnames: [a]}]
  `), CODE);
  assert.deepEqual(fs.map((f) => [f.document, f.path, f.message]), [
    [0, 'spec.template.spec.hostAliases[0].ip', 'IPv6 address "2001:DB8::1" should be in RFC 5952 canonical format ("2001:db8::1")'],
    [0, 'spec.template.spec.hostAliases[1].ip', 'non-standard IP address "::ffff:10.1.2.3" is invalid: use "10.1.2.3"'],
  ]);
});

test('ipWarning: canonical forms, and nothing for what is not an IP', () => {
  assert.equal(ipWarning('2001:db8:0:0:1:0:0:1'), 'IPv6 address "2001:db8:0:0:1:0:0:1" should be in RFC 5952 canonical format ("2001:db8::1:0:0:1")');
  assert.equal(ipWarning('::1'), undefined);
  assert.equal(ipWarning('10.0.0.1'), undefined);
  assert.equal(ipWarning('256.0.0.1'), undefined);
  assert.equal(ipWarning('fe80::1%eth0'), undefined);
  assert.equal(ipWarning('example.com'), undefined);
});
