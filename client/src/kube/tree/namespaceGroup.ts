// The pods shown under one namespace node. Past PAGE_SIZE pods they are split into pages by name range, so a
// namespace with thousands of pods opens quickly and a watch event refreshes one page, not the whole list. Page
// bounds stay put as pods come and go (a page splits only when it doubles), so a pod never hops between pages.
import type { V1Pod } from '@kubernetes/client-node';
import { PageNode, PodNode, type NamespaceNode } from './nodes';

export const PAGE_SIZE = 500;

type Parent = NamespaceNode | PageNode;

export class NamespaceGroup {
  private readonly pods = new Map<string, PodNode>();
  private pages: PageNode[] | undefined;

  constructor(readonly node: NamespaceNode, private readonly pageSize = PAGE_SIZE) {}

  get size(): number {
    return this.pods.size;
  }

  get isPaged(): boolean {
    return this.pages !== undefined;
  }

  get(name: string): PodNode | undefined {
    return this.pods.get(name);
  }

  values(): IterableIterator<PodNode> {
    return this.pods.values();
  }

  /** Adds a pod; returns the node whose children changed. */
  add(pod: V1Pod): Parent {
    const name = pod.metadata?.name ?? '';
    const node = new PodNode(this.node, pod);
    this.pods.set(name, node);
    if (!this.pages) {
      if (this.pods.size > this.pageSize) this.buildPages();
      return this.node;
    }
    const page = this.pageFor(name);
    page.names.add(name);
    node.parent = page;
    if (page.names.size > 2 * this.pageSize) {
      this.split(page);
      return this.node;
    }
    return page;
  }

  /** Removes a pod; returns the node whose children changed, or undefined if the pod was not here. */
  remove(name: string): Parent | undefined {
    if (!this.pods.delete(name)) return undefined;
    if (!this.pages) return this.node;
    if (this.pods.size <= this.pageSize / 2) {
      this.unpage();
      return this.node;
    }
    const page = this.pageFor(name);
    page.names.delete(name);
    if (page.names.size > 0) return page;
    this.dropEmptyPage(page);
    return this.node;
  }

  /** Pages if paged, else the pods sorted by name (or by node, then name; pages stay name ranges). */
  children(byNode = false): (PageNode | PodNode)[] {
    if (this.pages) return [...this.pages];
    return this.sorted(this.pods.keys(), byNode);
  }

  podsOf(page: PageNode, byNode = false): PodNode[] {
    return this.sorted(page.names.values(), byNode);
  }

  private sorted(names: Iterable<string>, byNode: boolean): PodNode[] {
    const pods = [...names].sort(byName).map((n) => this.pods.get(n)!);
    // A stable sort keeps name order among the pods of one node; unscheduled pods (no node) come first, as in kubectl.
    return byNode ? pods.sort((a, b) => byName(a.pod.spec?.nodeName ?? '', b.pod.spec?.nodeName ?? '')) : pods;
  }

  private buildPages(): void {
    const names = [...this.pods.keys()].sort(byName);
    this.pages = [];
    for (let i = 0; i < names.length; i += this.pageSize) {
      const page = new PageNode(this.node, i === 0 ? '' : names[i]);
      for (const n of names.slice(i, i + this.pageSize)) {
        page.names.add(n);
        this.pods.get(n)!.parent = page;
      }
      this.pages.push(page);
    }
  }

  private unpage(): void {
    this.pages = undefined;
    for (const node of this.pods.values()) node.parent = this.node;
  }

  private split(page: PageNode): void {
    const names = [...page.names].sort(byName);
    const half = names.slice(names.length / 2);
    const upper = new PageNode(this.node, half[0]);
    for (const n of half) {
      page.names.delete(n);
      upper.names.add(n);
      this.pods.get(n)!.parent = upper;
    }
    this.pages!.splice(this.pages!.indexOf(page) + 1, 0, upper);
  }

  /** The first page must keep the lowest bound, so an emptied first page takes over the second page's pods. */
  private dropEmptyPage(page: PageNode): void {
    const pages = this.pages!;
    const index = pages.indexOf(page);
    if (index > 0) {
      pages.splice(index, 1);
      return;
    }
    const next = pages[1];
    for (const n of next.names) {
      page.names.add(n);
      this.pods.get(n)!.parent = page;
    }
    pages.splice(1, 1);
  }

  /** The last page whose lower bound is <= name. */
  private pageFor(name: string): PageNode {
    const pages = this.pages!;
    let lo = 0;
    let hi = pages.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (pages[mid].lowerBound <= name) lo = mid;
      else hi = mid - 1;
    }
    return pages[lo];
  }
}

/** Byte order, like `kubectl get pods` sorts names. */
export function byName(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
