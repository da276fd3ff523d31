// Regressions for the CLI inputs in ../shared/repro: a bad file never stops a run, non-regular files
// are refused without being opened for a blocking read, a closed pipe ends the run quietly.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { cliBundle, runCli, workspace } from './cliHarness';
import { CLEAN } from './fixtures';

describe('podscope lint on hostile input', () => {
  it('parser-stack-overflow.yaml: a file nested too deeply gets one error and the other files are still checked', () => {
    const dir = workspace({ 'a-deep.yaml': `${'- '.repeat(3000)}x\nb: 1\n`, 'b-pod.yaml': CLEAN.replace('name: clean', 'name: Bad_Name') });
    const r = runCli(['lint', 'a-deep.yaml', 'b-pod.yaml'], { cwd: dir });
    assert.equal(r.stderr, '');
    assert.equal(r.code, 1);
    assert.match(r.stdout, /^a-deep\.yaml:1:\d+: error yaml-syntax nesting deeper than 256 levels/m);
    assert.match(r.stdout, /^b-pod\.yaml:\d+:\d+: error object-name-invalid /m);
  });

  it('cli-nonregular-files.sh: a FIFO named x.yaml is refused at once, in a directory walk too', { skip: process.platform === 'win32' ? 'no mkfifo on Windows' : false }, () => {
    const dir = workspace({ 'pod.yaml': CLEAN });
    const made = spawnSync('mkfifo', [join(dir, 'pipe.yaml')]);
    assert.equal(made.status, 0, 'mkfifo');
    const r = runCli(['lint', 'pipe.yaml', 'pod.yaml'], { cwd: dir });
    assert.equal(r.code, 1);
    assert.match(r.stdout, /^pipe\.yaml:1:1: error file-unreadable cannot check this file: not a regular file \(a FIFO\), skipped$/m);
    assert.match(r.stdout, /in 2 files\.$/m);
  });

  it('cli-nonregular-files.sh: /dev/zero is refused without being read', { skip: existsSync('/dev/zero') ? false : 'no /dev/zero here' }, () => {
    const r = runCli(['lint', '/dev/zero']);
    assert.equal(r.code, 1);
    assert.equal(r.stdout, '/dev/zero:1:1: error file-unreadable cannot check this file: not a regular file (a character device), skipped\n1 problem (1 error) in 1 file.\n');
  });

  it('a file over --max-file-size is not read, and the flag is checked', () => {
    const dir = workspace({ 'big.yaml': `${CLEAN}${'# padding\n'.repeat(300)}` });
    const r = runCli(['lint', '--max-file-size', '2KB', 'big.yaml'], { cwd: dir });
    assert.equal(r.code, 1);
    assert.match(r.stdout, /^big\.yaml:1:1: error file-too-large File too large to check: \d KB is over the limit of 2 KB/m);
    assert.equal(runCli(['lint', '--max-file-size', '2KB', 'big.yaml', '--config', join(dir, 'off.yaml')], { cwd: dir }).code, 2, 'a missing config is still a usage error');
    const usage = runCli(['lint', '--max-file-size', 'lots', 'big.yaml'], { cwd: dir });
    assert.equal(usage.code, 2);
    assert.match(usage.stderr, /--max-file-size must be a size such as 512KB, 64MB or 1GB, got "lots"/);
  });

  it('cli-epipe.sh: `podscope lint big.yaml | head -1` ends without a stack trace', { skip: process.platform === 'win32' ? 'needs sh and head' : false }, () => {
    const containers = Array.from({ length: 2000 }, (_, i) => `  - {name: c${i}, image: nginx, ports: [{containerPort: 80}]}\n`).join('');
    const dir = workspace({});
    writeFileSync(join(dir, 'big.yaml'), `apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n${containers}`);
    const r = spawnSync('sh', ['-c', `"${process.execPath}" "${cliBundle()}" lint big.yaml | head -1`], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
    assert.equal(r.stderr, '');
    assert.equal(r.stdout.split('\n').length, 2, 'one line through head');
  });
});
