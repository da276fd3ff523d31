// The command table (client/src/commands.ts) agrees with package.json: every id it registers is contributed, every
// contributed command has a handler, and every menu entry names a command and a view that exist.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { useFakeVscode } from './kube/fakes/routeVscode';

useFakeVscode();

interface MenuEntry { command: string; when?: string }
const manifest = JSON.parse(readFileSync(join(__dirname, '../../package.json'), 'utf8')) as {
  contributes: {
    commands: { command: string }[];
    menus: Record<string, MenuEntry[]>;
    views: Record<string, { id: string }[]>;
    viewsWelcome: { view: string }[];
  };
};
const contributed = manifest.contributes.commands.map((c) => c.command);

async function table(): Promise<string[]> {
  const { createCommands } = await import('../../client/src/commands.js');
  return Object.keys(createCommands());
}

test('every command in the table is contributed in package.json', async () => {
  const missing = (await table()).filter((id) => !contributed.includes(id));
  assert.deepEqual(missing, []);
});

test('every contributed command has a handler in the table', async () => {
  const ids = await table();
  const unhandled = contributed.filter((id) => !ids.includes(id));
  assert.deepEqual(unhandled, []);
});

test('every command is contributed once', () => {
  assert.deepEqual(contributed.filter((id, i) => contributed.indexOf(id) !== i), []);
});

test('menus name contributed commands, and their `when` clauses name views that exist', () => {
  const views = Object.values(manifest.contributes.views).flat().map((v) => v.id);
  const problems: string[] = [];
  for (const [menu, entries] of Object.entries(manifest.contributes.menus)) {
    for (const e of entries) {
      if (!contributed.includes(e.command)) problems.push(`${menu}: ${e.command} is not contributed`);
      for (const m of (e.when ?? '').matchAll(/\bview\s*==\s*([\w.-]+)/g)) {
        if (!views.includes(m[1])) problems.push(`${menu}: ${e.command} names view ${m[1]}, which is not contributed`);
      }
    }
  }
  for (const w of manifest.contributes.viewsWelcome) if (!views.includes(w.view)) problems.push(`viewsWelcome names view ${w.view}`);
  assert.deepEqual(problems, []);
});
