// The dry run's two needs from a real cluster: discovery (kind → resource name and scope) and raw requests.
import { ApiRequestError } from '../cluster/apiRequest';
import type { ClusterApi } from '../cluster/clusterApi';
import { groupVersionPath, pathSegmentProblem } from './dryRunRequest';
import type { ApiResource, DryRunTransport } from './dryRunValidate';

interface ResourceList {
  resources?: { name: string; kind: string; namespaced: boolean }[];
}

export function clusterDryRunTransport(api: Pick<ClusterApi, 'request'>): DryRunTransport {
  const lists = new Map<string, Promise<ResourceList | undefined>>();
  const resourceList = (apiVersion: string) => {
    let list = lists.get(apiVersion);
    if (!list) {
      list = api.request(groupVersionPath(apiVersion)).then((r) => {
        if (r.status === 404) return undefined;
        if (r.status !== 200) throw ApiRequestError.from(r);
        return JSON.parse(r.body) as ResourceList;
      });
      lists.set(apiVersion, list);
    }
    return list;
  };
  return {
    async resourceFor(apiVersion: string, kind: string): Promise<ApiResource | undefined> {
      const list = await resourceList(apiVersion);
      // Subresources (pods/log, pods/status) share the kind; the plain resource has no slash.
      // A name no path may hold (`..`) is refused here, as a manifest's name would be.
      const r = list?.resources?.find((x) => x.kind === kind && pathSegmentProblem(x.name) === undefined && x.name !== '');
      return r ? { name: r.name, namespaced: r.namespaced } : undefined;
    },
    send: (method, path, body, contentType) => api.request(path, { method, body, contentType }),
  };
}
