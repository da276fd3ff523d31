// API-server rules: what kube-apiserver's pod validation rejects.
import type { Rule } from '../../rule';
import { containerNameDuplicate, containerNameInvalid } from './containerNames';
import { containerRestartPolicyInvalid } from './containerRestartPolicyInvalid';
import { valueNotSupported } from './valueNotSupported';
import { envNameInvalid, envSourceInvalid } from './envRules';
import { ephemeralContainerFieldForbidden, ephemeralContainersNotAllowed, ephemeralTargetNotFound } from './ephemeralRules';
import { handlerInvalid } from './handlerInvalid';
import { hostPortDuplicate } from './hostPortDuplicate';
import { imageRequired, imageWhitespace } from './imageRequired';
import { annotationsInvalid, labelsInvalid, objectNameInvalid } from './metadataRules';
import { podFieldInvalid } from './podFieldInvalid';
import { containerPortInvalid, hostNetworkPortMismatch, portNameInvalid, portNameNotUnique } from './portRules';
import { initContainerFieldForbidden, probeValueInvalid } from './probeRules';
import { quantityInvalid, resourceNameInvalid, resourceRequestExceedsLimit, resourceValueInvalid } from './resourceRules';
import { volumeMountInvalid } from './volumeMountInvalid';
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
