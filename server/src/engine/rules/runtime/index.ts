// Run-time rules: accepted by the API server, but break or surprise once the pod runs.
import type { Rule } from '../../rule';

export const runtimeRules: Rule[] = [];
