// The explorer's chosen context and per-context namespace, remembered in extension globalState: choosing a context
// here never edits the kubeconfig's current-context (kubectl in a terminal keeps its own).
import type { KubeConfig } from '@kubernetes/client-node';

/** The part of vscode.Memento we use, so this is testable without VS Code. */
export interface MementoLike {
  get<T>(key: string): T | undefined;
  update(key: string, value: unknown): PromiseLike<void>;
}

const KEY = 'podscope.explorer.connection';

interface Stored {
  activeContext?: string;
  /** Per context: a namespace, or null for all namespaces. Absent = never chosen. */
  namespaces?: Record<string, string | null>;
}

export class ConnectionPrefs {
  constructor(private readonly memento: MementoLike) {}

  /** The remembered context if it still exists, else the kubeconfig's current-context, else the first context. */
  activeContext(kc: KubeConfig): string | undefined {
    const names = kc.getContexts().map((c) => c.name);
    const stored = this.read().activeContext;
    if (stored && names.includes(stored)) return stored;
    const current = kc.getCurrentContext();
    if (current && names.includes(current)) return current;
    return names[0];
  }

  async setActiveContext(name: string): Promise<void> {
    await this.write({ ...this.read(), activeContext: name });
  }

  /**
   * undefined = all namespaces. Until the user chooses, the context's own namespace if the kubeconfig sets one (a
   * user restricted to one namespace usually has it there), else all namespaces.
   */
  namespace(kc: KubeConfig, contextName: string): string | undefined {
    const stored = this.read().namespaces?.[contextName];
    if (stored === null) return undefined;
    if (typeof stored === 'string') return stored;
    return kc.getContextObject(contextName)?.namespace || undefined;
  }

  async setNamespace(contextName: string, namespace: string | undefined): Promise<void> {
    const current = this.read();
    await this.write({ ...current, namespaces: { ...current.namespaces, [contextName]: namespace ?? null } });
  }

  private read(): Stored {
    const value = this.memento.get<Stored>(KEY);
    return value && typeof value === 'object' ? value : {};
  }

  private async write(value: Stored): Promise<void> {
    await this.memento.update(KEY, value);
  }
}
