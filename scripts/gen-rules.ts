// Writes what is generated from the rule registry: docs/generated/rules.md and the `podscope.rules`
// setting's schema in package.json. Guarded by test/cli/generatedRules.test.ts.
//
//   node --import tsx scripts/gen-rules.ts           write both
//   node --import tsx scripts/gen-rules.ts --check   exit 1 if either is out of date
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { defaultRegistry } from '../server/src/engine';
import { ruleCatalog } from '../server/src/engine';
import { rulesMarkdown } from '../server/src/cli/rulesCommand';
import { rulesSettingSchema } from '../server/src/cli/settingsSchema';

export const ROOT = join(__dirname, '..');
export const RULES_DOC = join(ROOT, 'docs', 'generated', 'rules.md');
const PACKAGE_JSON = join(ROOT, 'package.json');
export const RULES_SETTING = 'podscope.rules';

/** Returns the files whose generated content differs from what is on disk, and the new content. */
export function generated(): { path: string; expected: string; actual: string }[] {
  const catalog = ruleCatalog(defaultRegistry());
  const pkgText = readFileSync(PACKAGE_JSON, 'utf8');
  const pkg = JSON.parse(pkgText) as { contributes?: { configuration?: { properties?: Record<string, unknown> } } };
  const properties = pkg.contributes?.configuration?.properties;
  if (!properties) throw new Error('package.json has no contributes.configuration.properties');
  properties[RULES_SETTING] = rulesSettingSchema(catalog);
  return [
    { path: RULES_DOC, expected: rulesMarkdown(catalog), actual: readOr(RULES_DOC) },
    { path: PACKAGE_JSON, expected: `${JSON.stringify(pkg, null, 2)}\n`, actual: pkgText },
  ];
}

function readOr(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

if (require.main === module) {
  const stale = generated().filter((f) => f.expected !== f.actual);
  if (process.argv.includes('--check')) {
    for (const f of stale) process.stderr.write(`out of date: ${f.path} (run npm run gen:rules)\n`);
    process.exitCode = stale.length ? 1 : 0;
  } else {
    for (const f of stale) {
      mkdirSync(dirname(f.path), { recursive: true });
      writeFileSync(f.path, f.expected);
      process.stdout.write(`wrote ${f.path}\n`);
    }
  }
}
