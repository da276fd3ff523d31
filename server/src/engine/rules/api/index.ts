// API-server rules: what kube-apiserver's pod validation rejects.
import type { Rule } from '../../rule';
import { containerNameDuplicate, containerNameInvalid } from './containerNames';
import { containerRestartPolicyInvalid } from './containerRestartPolicy';
import { valueNotSupported } from './enumRules';
import { envNameInvalid, envSourceInvalid } from './envRules';
import { ephemeralContainerFieldForbidden, ephemeralContainersNotAllowed, ephemeralTargetNotFound } from './ephemeralRules';
import { handlerInvalid } from './handlerRules';
import { hostPortDuplicate } from './hostPortConflicts';
import { imageRequired, imageWhitespace } from './imageRequired';
import { annotationsInvalid, labelsInvalid, objectNameInvalid } from './metadataRules';
import { podFieldInvalid } from './podSpecRules';
import { containerPortInvalid, hostNetworkPortMismatch, portNameInvalid, portNameNotUnique } from './portRules';
import { initContainerFieldForbidden, probeValueInvalid } from './probeRules';
import { quantityInvalid, resourceNameInvalid, resourceRequestExceedsLimit, resourceValueInvalid } from './resourceRules';
import { volumeMountInvalid } from './volumeMountRules';
import { volumeNameDuplicate, volumeNameInvalid, volumeSourceCount } from './volumeRules';
import { selectorMismatch, templateActiveDeadlineForbidden, templateRestartPolicy } from './workloadRules';

export const apiRules: Rule[] = [
  objectNameInvalid, labelsInvalid, annotationsInvalid,
  selectorMismatch, templateRestartPolicy, templateActiveDeadlineForbidden,
  podFieldInvalid, valueNotSupported,
  containerNameInvalid, containerNameDuplicate, imageRequired, imageWhitespace,
  containerPortInvalid, portNameInvalid, portNameNotUnique, hostNetworkPortMismatch, hostPortDuplicate,
  containerRestartPolicyInvalid, initContainerFieldForbidden, probeValueInvalid, handlerInvalid,
  ephemeralContainerFieldForbidden, ephemeralTargetNotFound, ephemeralContainersNotAllowed,
  volumeNameInvalid, volumeNameDuplicate, volumeSourceCount, volumeMountInvalid,
  envNameInvalid, envSourceInvalid,
  quantityInvalid, resourceNameInvalid, resourceValueInvalid, resourceRequestExceedsLimit,
];
