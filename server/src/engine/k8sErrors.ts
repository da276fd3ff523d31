// Message bodies worded as k8s.io/apimachinery/pkg/util/validation/field's ErrorType strings,
// so a user who later sees the API server's rejection reads the same sentence.

/** Go's %q-ish rendering used by field.Error for values. */
export function formatValue(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'string') return JSON.stringify(v);
  // YAML's .nan and .inf never reach the API server (JSON has no such numbers); print them as written.
  if (typeof v === 'number' && !Number.isFinite(v)) return Number.isNaN(v) ? '.nan' : v > 0 ? '.inf' : '-.inf';
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return String(v);
  return JSON.stringify(v) ?? 'null';
}

export const k8s = {
  required: (detail?: string) => (detail ? `Required value: ${detail}` : 'Required value'),
  invalid: (value: unknown, detail?: string) =>
    detail ? `Invalid value: ${formatValue(value)}: ${detail}` : `Invalid value: ${formatValue(value)}`,
  duplicate: (value: unknown) => `Duplicate value: ${formatValue(value)}`,
  notSupported: (value: unknown, valid: readonly string[]) =>
    `Unsupported value: ${formatValue(value)}: supported values: ${valid.map((v) => JSON.stringify(v)).join(', ')}`,
  forbidden: (detail: string) => `Forbidden: ${detail}`,
  tooLong: (max: number) => `Too long: may not be more than ${max} bytes`,
  tooMany: (actual: number, max: number) => `Too many: ${actual}: must have at most ${max} items`,
  notFound: (value: unknown) => `Not found: ${formatValue(value)}`,
};
