import { test } from 'node:test';
import assert from 'node:assert/strict';
import { NamespaceGroup } from '../../../../client/src/kube/tree/namespaceGroup';
import { ContextNode, NamespaceNode, type PageNode, type PodNode } from '../../../../client/src/kube/tree/nodes';

const pod = (name: string) => ({ metadata: { name, namespace: 'ns' } });

/** Every pod on exactly one page, in its page's name range, pointing at that page; pages in bound order. */
function assertInvariants(g: NamespaceGroup, expected: Set<string>): void {
  const kids = g.children();
  const seen: string[] = [];
  if (!g.isPaged) {
    for (const p of kids as PodNode[]) { assert.equal(p.parent, g.node); seen.push(p.name); }
  } else {
    const pages = kids as PageNode[];
    assert.equal(pages[0].lowerBound, '');
    for (let i = 0; i < pages.length; i++) {
      const upper = pages[i + 1]?.lowerBound;
      if (upper !== undefined) assert.ok(pages[i].lowerBound < upper, 'bounds ascend');
      assert.ok(pages[i].names.size > 0, 'no empty page');
      for (const p of g.podsOf(pages[i])) {
        assert.equal(p.parent, pages[i]);
        assert.ok(p.name >= pages[i].lowerBound && (upper === undefined || p.name < upper), `${p.name} within its page`);
        seen.push(p.name);
      }
    }
  }
  assert.deepEqual(seen, [...expected].sort());
  assert.equal(g.size, expected.size);
}

test('random adds and removes keep pages consistent, and paging switches on and off at the thresholds', () => {
  const g = new NamespaceGroup(new NamespaceNode(new ContextNode('ctx'), 'ns'), 8);
  const live = new Set<string>();
  let seed = 7;
  const rnd = (n: number) => { seed = (seed * 48271) % 2147483647; return seed % n; };
  let pagedAtSomePoint = false;
  for (let step = 0; step < 3000; step++) {
    const grow = step < 1500 ? rnd(10) < 7 : rnd(10) < 3;
    if (grow || live.size === 0) {
      const name = `p-${rnd(400).toString().padStart(3, '0')}`;
      if (live.has(name)) continue;
      live.add(name);
      g.add(pod(name));
    } else {
      const name = [...live][rnd(live.size)];
      live.delete(name);
      assert.ok(g.remove(name));
    }
    pagedAtSomePoint ||= g.isPaged;
    if (step % 25 === 0) assertInvariants(g, live);
  }
  assertInvariants(g, live);
  assert.ok(pagedAtSomePoint);
  assert.equal(g.remove('not-there'), undefined);
});

test('emptying the first page keeps the lowest bound on the first page', () => {
  const g = new NamespaceGroup(new NamespaceNode(new ContextNode('ctx'), 'ns'), 2);
  const names = ['a', 'b', 'c', 'd', 'e', 'f'];
  for (const n of names) g.add(pod(n));
  const first = g.children()[0] as PageNode;
  for (const n of g.podsOf(first).map((p) => p.name)) g.remove(n);
  assertInvariants(g, new Set(names.filter((n) => !['a', 'b'].includes(n))));
  assert.equal((g.children()[0] as PageNode).lowerBound, '');
});
