// Resource usage in a pod's details document (the details seam, detailsSection.ts): the pod's sum and each container's
// figures with their shares, from the same metrics the tree shows, redrawn when a context's metrics are replaced.
import type { DetailsSection } from '../details/detailsSection';
import type { PodTreeModel } from '../tree/treeModel';
import { containerUsageText, podUsageText } from './usageText';

export function usageSection(model: PodTreeModel): DetailsSection {
  return {
    title: 'Resource Usage (metrics.k8s.io)',
    lines(target) {
      const usage = model.podUsage(target.contextName, target.namespace, target.name);
      if (!usage) return undefined;
      const containers = [...usage.containers].map(([name, u]) => `${name}\t${containerUsageText(target.pod, name, u)}`);
      return [`Pod\t${podUsageText(target.pod, usage)}`, ...containers];
    },
    // Every open document of the context may have news; the tracker redraws only those whose text changed.
    onDidChange: (listener) => model.onMetricsChange(() => listener()),
  };
}
