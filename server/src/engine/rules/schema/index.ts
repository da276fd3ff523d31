// Schema rules: unknown fields, wrong types, missing required fields (from the generated schema of the document's Kubernetes version).
import type { Rule } from '../../rule';
import { apiVersion } from './apiVersion';
import { invalidType } from './invalidType';
import { kindUnknown } from './kindUnknown';
import { requiredField } from './requiredField';
import { unknownField } from './unknownField';

export const schemaRules: Rule[] = [apiVersion, kindUnknown, unknownField, invalidType, requiredField];
