// API-server rules: what kube-apiserver's pod validation rejects.
import type { Rule } from '../../rule';
import { imageRequired } from './imageRequired';

export const apiRules: Rule[] = [imageRequired];
