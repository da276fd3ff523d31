// Kubernetes quantities ("12345678n", "30Mi", "0.5", "1e3") as exact fractions, and the two roundings `kubectl top`
// prints with (resource.Quantity's MilliValue and Value both round up): summing and rounding exactly is what makes a
// pod's total equal kubectl's to the last millicore, where floats would drift by one.

/** num / den, den > 0. */
export interface Fraction {
  num: bigint;
  den: bigint;
}

export const ZERO: Fraction = { num: 0n, den: 1n };

const DECIMAL_SUFFIX: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const BINARY_SUFFIX: Record<string, number> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };
const QUANTITY = /^([+-]?)(\d*)(?:\.(\d*))?(?:([eE][+-]?\d+)|(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE])?)$/;

/** undefined for text that is not a quantity (the API server never sends one, but a fake or a proxy might). */
export function parseQuantity(text: string | undefined): Fraction | undefined {
  const m = text === undefined ? null : QUANTITY.exec(text.trim());
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) return undefined;
  const [, sign, whole, fraction = '', exponent, suffix = ''] = m;
  let num = BigInt(`${whole}${fraction}` || '0') * (sign === '-' ? -1n : 1n);
  let den = 10n ** BigInt(fraction.length);
  const power10 = exponent !== undefined ? Number(exponent.slice(1)) : DECIMAL_SUFFIX[suffix];
  if (power10 !== undefined) {
    if (power10 >= 0) num *= 10n ** BigInt(power10);
    else den *= 10n ** BigInt(-power10);
  } else {
    num *= 2n ** BigInt(BINARY_SUFFIX[suffix]);
  }
  return { num, den };
}

export function add(a: Fraction, b: Fraction): Fraction {
  return a.den === b.den ? { num: a.num + b.num, den: a.den } : { num: a.num * b.den + b.num * a.den, den: a.den * b.den };
}

/** ceil(q × scale), as Quantity.ScaledValue rounds. */
export function ceilScaled(q: Fraction, scale: bigint): bigint {
  const n = q.num * scale;
  const quotient = n / q.den;
  return n % q.den > 0n ? quotient + 1n : quotient;
}

/** CPU as kubectl top prints it: millicores, rounded up. */
export function cpuMillis(q: Fraction): number {
  return Number(ceilScaled(q, 1000n));
}

/** Memory as kubectl top prints it: whole bytes rounded up, then whole MiB rounded down. */
export function memoryMiB(q: Fraction): number {
  return Number(ceilScaled(q, 1n) / (1024n * 1024n));
}

/** a / b as a float, for percentages (b > 0). */
export function ratio(a: Fraction, b: Fraction): number {
  return Number(a.num * b.den * 1_000_000n / (a.den * b.num)) / 1_000_000;
}
