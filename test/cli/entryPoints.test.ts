import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { CompletionRequest, DiagnosticSeverity } from 'vscode-languageserver/node';
import { LspHarness } from '../lsp/lspHarness';
import { cliBundle, ROOT } from './cliHarness';
import { FAMILIES } from './fixtures';

describe('podscope lsp --stdio', () => {
  it('serves diagnostics and completion over stdio, and exits 0 after shutdown and exit', async () => {
    const h = await LspHarness.start({ command: { cmd: process.execPath, args: [cliBundle(), 'lsp', '--stdio'] } });
    try {
      assert.equal(h.initializeResult.serverInfo?.name, 'podscope');
      const published = await h.open('file:///stdio.yaml', FAMILIES.api.text);
      const image = published.diagnostics.find((d) => d.code === 'image-required');
      assert.equal(image?.severity, DiagnosticSeverity.Error);
      const items = await h.connection.sendRequest(CompletionRequest.type, { textDocument: { uri: 'file:///stdio.yaml' }, position: { line: 5, character: 2 } });
      assert.ok(Array.isArray(items) && items.some((i) => i.label === 'restartPolicy'));
      assert.equal(await h.stop(), 0);
    } finally {
      h.kill();
    }
  });
});

describe('bin/podscope.js (the npx entry)', () => {
  // A copy of bin/ beside a private dist/, laid out as in the package.
  const pkg = mkdtempSync(join(tmpdir(), 'podscope-bin-'));
  process.once('exit', () => rmSync(pkg, { recursive: true, force: true }));
  mkdirSync(join(pkg, 'bin'));
  copyFileSync(join(ROOT, 'bin', 'podscope.js'), join(pkg, 'bin', 'podscope.js'));
  const bin = (args: string[]) => spawnSync(process.execPath, [join(pkg, 'bin', 'podscope.js'), ...args], { encoding: 'utf8' });

  it('says to build first when dist/cli.js is missing', () => {
    const r = bin(['--version']);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /dist\/cli\.js is missing; run `npm run build` first/);
  });

  it('runs the bundled CLI, passing arguments and the exit status through', () => {
    mkdirSync(join(pkg, 'dist'), { recursive: true });
    copyFileSync(cliBundle(), join(pkg, 'dist', 'cli.js'));
    const version = bin(['--version']);
    assert.equal(version.status, 0);
    assert.match(version.stdout, /^\d+\.\d+\.\d+\n$/);
    assert.equal(bin(['lint', join(pkg, 'nope.yaml')]).status, 1);
    assert.equal(bin(['lint', '--format', 'nope', join(pkg, 'nope.yaml')]).status, 2);
  });
});
