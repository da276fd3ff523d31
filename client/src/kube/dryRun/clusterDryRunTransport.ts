// The dry run's two needs from a real cluster: discovery (kind → resource name and scope) and raw requests.
import { ApiRequestError } from '../cluster/apiRequest';
import type { ClusterApi } from '../cluster/clusterApi';
import type { ApiResource, DryRunTransport } from './dryRunValidate';

interface ResourceList {
  resources?: { name: string; kind: string; namespaced: boolean }[];
}

export function clusterDryRunTransport(api: Pick<ClusterApi, 'request'>): DryRunTransport {
  const lists = new Map<string, Promise<ResourceList | undefined>>();
  const resourceList = (apiVersion: string) => {
    let list = lists.get(apiVersion);
    if (!list) {
      const path = apiVersion.includes('/') ? `/apis/${apiVersion}` : `/api/${apiVersion}`;
      list = api.request(path).then((r) => {
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
      const r = list?.resources?.find((x) => x.kind === kind && !x.name.includes('/'));
      return r ? { name: r.name, namespaced: r.namespaced } : undefined;
    },
    send: (method, path, body, contentType) => api.request(path, { method, body, contentType }),
  };
}
