// Which Kubernetes version the language server checks a document against, for both layers: the exact
// layer picks a module, and the schema (rules, completion, hover) follows it, or the same rule when
// exact validation is off. The cluster version arrives from the client whether or not exact is on.
import { chooseSchemaVersion, DEFAULT_SCHEMA_VERSION } from '../engine';
import { chooseVersion, type ModuleEntry, type VersionChoice } from '../exact/modules';
import type { PodscopeSettings } from '../shared/protocol';

export class KubernetesVersions {
  /** The connected cluster's gitVersion (`v1.36.1`), as the client last reported it. */
  clusterVersion: string | undefined;

  /** `modules` is undefined when the server runs without exact validation. */
  constructor(private readonly modules?: readonly ModuleEntry[]) {}

  exact(settings: PodscopeSettings): VersionChoice {
    return chooseVersion(settings.kubernetesVersion, this.clusterVersion, this.modules ?? []);
  }

  /** A setting naming a version with no bundled schema falls back to the default (the exact layer says why in the status bar). */
  schema(settings: PodscopeSettings): string {
    const module = this.modules && settings.exact.enable ? this.exact(settings).module : undefined;
    return chooseSchemaVersion(settings.kubernetesVersion, this.clusterVersion, module?.minor) ?? DEFAULT_SCHEMA_VERSION;
  }
}
