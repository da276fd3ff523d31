// Run-time rules: accepted by the API server, but break or surprise once the pod runs. Includes
// the API server's own pod warnings (pkg/api/pod/warnings.go), which it prints but never enforces.
import type { Rule } from '../../rule';
import { containerPortConflict } from './containerPortConflict';
import { deprecatedAnnotation } from './deprecatedAnnotation';
import { deprecatedNodeLabel } from './deprecatedNodeLabel';
import { deprecatedVolumeType } from './deprecatedVolumeType';
import { envVarHidden } from './envVarHidden';
import { fractionalByteQuantity } from './fractionalByteQuantity';
import { hostAliasDuplicateIp } from './hostAliasDuplicateIp';
import { hostIpWithoutHostPort } from './hostIpWithoutHostPort';
import { hostPortConflict } from './hostPortConflict';
import { imageLatestPullPolicy } from './imageLatestPullPolicy';
import { imagePullSecretName } from './imagePullSecretName';
import { initContainerHostPort } from './initContainerHostPort';
import { initContainerPorts } from './initContainerPorts';
import { ipAddressNonStandard } from './ipAddressNonStandard';
import { lifecycleTcpSocket } from './lifecycleTcpSocket';
import { nodeAffinityValueInvalid } from './nodeAffinityValueInvalid';
import { nullLabelSelector } from './nullLabelSelector';
import { podNameNotDnsLabel } from './podNameNotDnsLabel';
import { portDefinitionDuplicate } from './portDefinitionDuplicate';
import { portNameDuplicate } from './portNameDuplicate';
import { probePortNameUnknown } from './probePortNameUnknown';
import { probePortUndeclared } from './probePortUndeclared';
import { projectedSourceEmpty } from './projectedSourceEmpty';
import { resourcesMissing } from './resourcesMissing';
import { terminationGracePeriodNegative } from './terminationGracePeriodNegative';
import { volumePathOverlap } from './volumePathOverlap';

export const runtimeRules: Rule[] = [
  // Ports, probes and hooks: what collides or fails once containers start.
  containerPortConflict,
  portDefinitionDuplicate,
  portNameDuplicate,
  hostIpWithoutHostPort,
  hostPortConflict,
  initContainerHostPort,
  initContainerPorts,
  probePortNameUnknown,
  probePortUndeclared,
  lifecycleTcpSocket,
  // Images and resources.
  imageLatestPullPolicy,
  resourcesMissing,
  fractionalByteQuantity,
  // The rest of kube-apiserver's pod warnings.
  envVarHidden,
  deprecatedVolumeType,
  deprecatedNodeLabel,
  nodeAffinityValueInvalid,
  deprecatedAnnotation,
  nullLabelSelector,
  volumePathOverlap,
  projectedSourceEmpty,
  hostAliasDuplicateIp,
  imagePullSecretName,
  ipAddressNonStandard,
  terminationGracePeriodNegative,
  podNameNotDnsLabel,
];
