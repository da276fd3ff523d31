// Schema rules: unknown fields, wrong types, missing required fields (from the generated 1.36 schema).
import type { Rule } from '../../rule';

export const schemaRules: Rule[] = [];
