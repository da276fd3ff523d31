// Enum values of a string field, read from its OpenAPI description. The OpenAPI v3 specs of
// k8s.io/kubernetes 1.34-1.37 carry no `enum` and no "Possible enum values:" blocks, so the values survive only as prose ("One of Always, Never,
// IfNotPresent.", "Valid options are: Localhost - ... RuntimeDefault - ..."). The values feed completion
// only; validation of enum values is an API rule. Anything ambiguous yields no enum rather than a wrong one.

const INLINE_TRIGGERS = [
  'one of', 'valid values are', 'valid operators are', 'allowed values are', 'supported values:',
  'supported values are', 'the only valid values for this field are', 'must be', 'can be',
];
/** After these, values may be lowercase (`Supported values: cpu, memory.`); elsewhere they must be capitalized. */
const LOWERCASE_OK = new Set(['supported values:', 'supported values are']);
const LABELLED_TRIGGER = /(?:valid options are|options are|valid values are|possible values are|possible enum values):?\s/i;
const VALUE = /^[A-Za-z][A-Za-z0-9]*$/;

export function enumFromDescription(description: string): string[] | undefined {
  return labelledList(description) ?? inlineList(description);
}

/** `Valid options are: Localhost - ... RuntimeDefault - ...` and `- "Allow" (default): ...; - "Forbid": ...`. */
function labelledList(description: string): string[] | undefined {
  const m = LABELLED_TRIGGER.exec(description);
  if (!m) return undefined;
  const rest = description.slice(m.index + m[0].length);
  // A labelled list starts right away; otherwise this is an inline list ("Valid values are "A" and "B".).
  if (!/^\s*(?:- )?[`"]*[A-Z][A-Za-z0-9]*[`"]*(?: \(default\))?(?::| - | means )/.test(rest)) return undefined;
  const item = /(?:^|\s)(?:- )?[`"]*([A-Z][A-Za-z0-9]*)[`"]*(?: \(default\))?(?::| - | means )/g;
  const values = [...rest.matchAll(item)].map((x) => x[1]!);
  return distinctOrUndefined(values);
}

function inlineList(description: string): string[] | undefined {
  const lower = description.toLowerCase();
  for (const trigger of INLINE_TRIGGERS) {
    let at = lower.indexOf(`${trigger} `);
    while (at >= 0) {
      // Only whole-word triggers: "none of" must not match "one of".
      const wordStart = at === 0 || /[\s.("']/.test(description[at - 1]!);
      const values = wordStart ? listAt(description.slice(at + trigger.length + 1), LOWERCASE_OK.has(trigger)) : undefined;
      if (values) return values;
      at = lower.indexOf(`${trigger} `, at + 1);
    }
  }
  return undefined;
}

/** Parses `A, B, or C.` / `'A', 'B' or 'C'.` up to the end of the sentence; any non-value item rejects the list. */
function listAt(text: string, lowercaseOk: boolean): string[] | undefined {
  const end = text.search(/\.(?:\s|$)|;|$/);
  const sentence = text.slice(0, end);
  const items = sentence.split(/,\s*(?:and\s+|or\s+)?|\s+or\s+|\s+and\s+/).map((s) => s.trim().replace(/^['"`]|['"`]$/g, ''));
  if (items.some((v) => !VALUE.test(v) || (!lowercaseOk && !/^[A-Z]/.test(v)))) return undefined;
  return distinctOrUndefined(items);
}

function distinctOrUndefined(values: string[]): string[] | undefined {
  const out = [...new Set(values)];
  return out.length >= 2 ? out : undefined;
}
