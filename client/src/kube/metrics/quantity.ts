// Kubernetes quantities ("12345678n", "30Mi", "0.5", "1e3") as exact fractions, and the two roundings `kubectl top`
// prints with (resource.Quantity's MilliValue and Value both round up): summing and rounding exactly is what makes a
// pod's total equal kubectl's to the last millicore, where floats would drift by one.
import { parseQuantity as parseApiQuantity } from '../../../../server/src/engine';

/** num / den, den > 0. */
export interface Fraction {
  num: bigint;
  den: bigint;
}

export const ZERO: Fraction = { num: 0n, den: 1n };

/**
 * The quantity as the API server parses it (the engine's resource.Quantity), as a fraction; undefined for text that is
 * not a quantity (the API server never sends one, but a fake or a proxy might) — nor one without a digit, which Go
 * reads as zero (`Mi`) but which is no figure to show.
 */
export function parseQuantity(text: string | undefined): Fraction | undefined {
  if (text === undefined || !/\d/.test(text)) return undefined;
  const parsed = parseApiQuantity(text);
  if (!parsed.ok) return undefined;
  const { mantissa, exponent } = parsed.quantity;
  return exponent >= 0 ? { num: mantissa * 10n ** BigInt(exponent), den: 1n } : { num: mantissa, den: 10n ** BigInt(-exponent) };
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
