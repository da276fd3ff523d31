// The set of rules. Registering two rules with one code is a programming error and throws at load.
import type { Rule } from './rule';

export class RuleRegistry {
  private readonly byCode = new Map<string, Rule>();

  register(...rules: Rule[]): this {
    for (const r of rules) {
      if (this.byCode.has(r.code)) throw new Error(`duplicate rule code: ${r.code}`);
      this.byCode.set(r.code, r);
    }
    return this;
  }

  get(code: string): Rule | undefined {
    return this.byCode.get(code);
  }

  all(): Rule[] {
    return [...this.byCode.values()];
  }
}
