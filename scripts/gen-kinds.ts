// Derives the kinds each built-in API group serves from @kubernetes/client-node's generated API
// classes (the request body type of every create call and its REST path), so `kind-unknown` never
// relies on a hand-typed list.
//
//   node --import tsx scripts/gen-kinds.ts           write server/src/engine/schema/generated/builtin-kinds.json
//   node --import tsx scripts/gen-kinds.ts --check   exit 1 when the committed file is out of date
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export const KINDS_OUTPUT = join(__dirname, '..', 'server', 'src', 'engine', 'schema', 'generated', 'builtin-kinds.json');

export function builtinKinds(): { subresourceKinds: string[]; source: string; groups: Record<string, string[]> } {
  const root = join(dirname(require.resolve('@kubernetes/client-node')), '..');
  const apis = join(root, 'dist', 'gen', 'apis');
  const groups = new Map<string, Set<string>>();
  const subresourceKinds = new Set<string>();
  for (const name of readdirSync(apis).filter((n) => n.endsWith('Api.js')).sort()) {
    const text = readFileSync(join(apis, name), 'utf8');
    for (const m of text.matchAll(/async create\w*\([^)]*\) \{([\s\S]*?)return requestContext;/g)) {
      const body = m[1]!;
      const path = /localVarPath = '([^']+)'/.exec(body)?.[1];
      const type = /ObjectSerializer\.serialize\(body, "(\w+)"/.exec(body)?.[1];
      if (!path || !type) continue;
      // Model names carry the version, and a group prefix where two groups share a kind (CoreV1Event).
      const kind = type.replace(/^(?:[A-Z][a-z]+)?V\d+(?:alpha\d+|beta\d+)?(?=[A-Z])/, '');
      // Subresources (`pods/{name}/eviction`) post a kind of another group (policy/v1 Eviction): allowed in every group.
      if (/\{name\}/.test(path)) { subresourceKinds.add(kind); continue; }
      const gv = /^\/api\/(v1)\//.exec(path)?.[1] ?? /^\/apis\/([a-z0-9.-]+\/[a-z0-9]+)\//.exec(path)?.[1];
      if (!gv) continue;
      const group = gv.includes('/') ? gv.slice(0, gv.indexOf('/')) : '';
      if (!groups.has(group)) groups.set(group, new Set());
      groups.get(group)!.add(kind);
    }
  }
  const version = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version as string;
  return {
    subresourceKinds: [...subresourceKinds].sort(),
    source: `@kubernetes/client-node ${version} (dist/gen/apis: request body types of create calls, by REST path group)`,
    groups: Object.fromEntries([...groups].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([g, k]) => [g, [...k].sort()])),
  };
}

if (require.main === module) {
  const text = `${JSON.stringify(builtinKinds(), null, 2)}\n`;
  if (process.argv.includes('--check')) {
    const current = readFileSync(KINDS_OUTPUT, 'utf8');
    if (current !== text) {
      process.stderr.write(`${KINDS_OUTPUT} is out of date: run node --import tsx scripts/gen-kinds.ts\n`);
      process.exit(1);
    }
  } else {
    writeFileSync(KINDS_OUTPUT, text);
    process.stdout.write(`wrote ${KINDS_OUTPUT}\n`);
  }
}
