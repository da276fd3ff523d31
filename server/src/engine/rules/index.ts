import { RuleRegistry } from '../registry';
import { apiRules } from './api';
import { runtimeRules } from './runtime';
import { schemaRules } from './schema';

export function defaultRegistry(): RuleRegistry {
  return new RuleRegistry().register(...schemaRules, ...apiRules, ...runtimeRules);
}
