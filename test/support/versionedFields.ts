// Fields that one bundled Kubernetes version has and another has not, found in the generated schemas:
// the fixtures of the tests that the chosen version decides what is an unknown field.
import { pod } from './manifests';

/** PodSpec.schedulingGroup: new in 1.36 (1.35 had workloadRef instead). */
export const SCHEDULING_GROUP = { path: 'spec.schedulingGroup', without: '1.35', with: '1.36' } as const;
export const schedulingGroupPod = pod`
  schedulingGroup: {podGroupName: g}
  containers: [{name: c, image: nginx:1.27, resources: {limits: {cpu: 100m, memory: 64Mi}}}]
`;

/** PodSpec.evictionResponders: new in 1.37. */
export const EVICTION_RESPONDERS = { path: 'spec.evictionResponders', without: '1.36', with: '1.37' } as const;
