// Fields whose OpenAPI type is resource.Quantity (or a map of it, ResourceList). client-node's models type
// them as plain `string`, losing the fact that the API server also accepts a JSON number there
// (`cpu: 1`), so the generator needs this list. Each entry was checked against k8s.io/api core/v1
// types.go; the generator fails when an entry no longer names a reachable string field.
export const QUANTITY_FIELDS: ReadonlySet<string> = new Set<string>([
  'V1ContainerStatus.allocatedResources',
  'V1EmptyDirVolumeSource.sizeLimit',
  'V1NodeAllocatableResourceClaimStatus.resources',
  'V1PersistentVolumeClaimStatus.allocatedResources',
  'V1PersistentVolumeClaimStatus.capacity',
  'V1PodSpec.overhead',
  'V1PodStatus.allocatedResources',
  'V1ResourceFieldSelector.divisor',
  'V1ResourceRequirements.limits',
  'V1ResourceRequirements.requests',
  'V1VolumeResourceRequirements.limits',
  'V1VolumeResourceRequirements.requests',
]);
