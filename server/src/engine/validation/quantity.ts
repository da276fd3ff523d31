// resource.Quantity as apimachinery parses, compares and prints it (pkg/api/resource/quantity.go).
// Values are exact: mantissa × 10^exponent with a bigint mantissa, so `1Gi` vs `1073741824` or
// `100m` vs `0.1` compare exactly, and no float ever rounds a limit.

export type QuantityFormat = 'DecimalSI' | 'BinarySI' | 'DecimalExponent';

export interface Quantity {
  /** Signed value = mantissa × 10^exponent. */
  readonly mantissa: bigint;
  readonly exponent: number;
  readonly format: QuantityFormat;
  /** The input text when Go keeps it as the quantity's String() (already canonical). */
  readonly text?: string;
}

export type QuantityParse = { ok: true; quantity: Quantity } | { ok: false; error: string };

export const QUANTITY_REGEX = '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$';
export const ERR_FORMAT_WRONG = `quantities must match the regular expression '${QUANTITY_REGEX}'`;
export const ERR_NUMERIC = 'unable to parse numeric part of quantity';
export const ERR_SUFFIX = "unable to parse quantity's suffix";

const MAX_INT64 = (1n << 63n) - 1n;
const NANO = -9;
/** maxInt64Factors: the number of decimal digits always representable in an int64. */
const MAX_INT64_FACTORS = 18;

const DEC_SUFFIXES: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const BIN_SUFFIXES: Record<string, number> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };

interface Scanned { positive: boolean; value: string; num: string; denom: string; suffix: string }

/** parseQuantityString, line for line: sign, leading zeros, numerator, '.', denominator, suffix. */
function scan(str: string): Scanned | undefined {
  let positive = true;
  let pos = 0;
  const end = str.length;
  if (pos < end && (str[0] === '-' || str[0] === '+')) {
    positive = str[0] !== '-';
    pos++;
  }
  while (pos < end && str[pos] === '0') pos++;
  if (pos >= end) return { positive, value: '0', num: '0', denom: '', suffix: '' };
  const numStart = pos;
  while (pos < end && isDigit(str[pos]!)) pos++;
  if (pos >= end) return { positive, value: str, num: str.slice(numStart), denom: '', suffix: '' };
  const num = str.slice(numStart, pos) || '0';
  let denom = '';
  if (str[pos] === '.') {
    const denomStart = ++pos;
    while (pos < end && isDigit(str[pos]!)) pos++;
    denom = str.slice(denomStart, pos);
    if (pos >= end) return { positive, value: str, num, denom, suffix: '' };
  }
  const value = str.slice(0, pos);
  const suffixStart = pos;
  while (pos < end && 'eEinumkKMGTP'.includes(str[pos]!)) pos++;
  if (pos < end && (str[pos] === '-' || str[pos] === '+')) pos++;
  while (pos < end && isDigit(str[pos]!)) pos++;
  if (pos < end) return undefined;
  return { positive, value, num, denom, suffix: str.slice(suffixStart) };
}

function isDigit(c: string): boolean {
  return c >= '0' && c <= '9';
}

interface Suffix { base: 10 | 2; exponent: number; format: QuantityFormat }

function interpret(suffix: string): Suffix | undefined {
  if (suffix in DEC_SUFFIXES) return { base: 10, exponent: DEC_SUFFIXES[suffix]!, format: 'DecimalSI' };
  if (suffix in BIN_SUFFIXES) return { base: 2, exponent: BIN_SUFFIXES[suffix]!, format: 'BinarySI' };
  if (suffix.length > 1 && (suffix[0] === 'e' || suffix[0] === 'E')) {
    const digits = suffix.slice(1);
    if (!/^[+-]?[0-9]+$/.test(digits)) return undefined;
    const parsed = BigInt(digits);
    if (parsed > MAX_INT64 || parsed < -MAX_INT64 - 1n) return undefined;
    // Go narrows with int32(parsed); keep its wrap-around so huge exponents behave the same.
    return { base: 10, exponent: Number(BigInt.asIntN(32, parsed)), format: 'DecimalExponent' };
  }
  return undefined;
}

/**
 * ParseQuantity. Numbers (YAML `cpu: 0.5`) reach the API server as JSON numbers, which it parses
 * from their text, so they are printed the way JSON would and parsed the same way.
 */
export function parseQuantity(input: string | number): QuantityParse {
  const str = typeof input === 'number' ? String(input) : input.trim();
  if (str.length === 0) return { ok: false, error: ERR_FORMAT_WRONG };
  if (str === '0') return ok(0n, 0, 'DecimalSI', str);
  const s = scan(str);
  if (!s) return { ok: false, error: ERR_FORMAT_WRONG };
  const suf = interpret(s.suffix);
  if (!suf) return { ok: false, error: ERR_SUFFIX };
  return fastPath(str, s, suf) ?? slowPath(s, suf);
}

/** Go's int64 fast path; returns undefined where Go falls through to inf.Dec. */
function fastPath(str: string, s: Scanned, suf: Suffix): QuantityParse | undefined {
  let precision: number;
  let scale = 0;
  let multiplier = 1n;
  if (suf.format === 'BinarySI') {
    if (suf.exponent < 0 || s.denom.length > 0) return undefined;
    multiplier = 1n << BigInt(suf.exponent);
    precision = 15 - s.num.length - Math.trunc((suf.exponent * 3) / 10) - 1;
  } else {
    scale = suf.exponent;
    precision = MAX_INT64_FACTORS - (s.num.length + s.denom.length);
  }
  if (precision < 0) return undefined;
  scale -= s.denom.length;
  if (scale < NANO) return undefined;
  const shifted = s.num + s.denom;
  const digits = BigInt(shifted);
  let result = digits * multiplier;
  if (result > MAX_INT64) return undefined;
  if (!s.positive) result = -result;
  const canonical = suf.format === 'BinarySI'
    ? suf.exponent % 10 === 0 && (digits & 7n) !== 0n
    : scale % 3 === 0 && !shifted.endsWith('000') && shifted[0] !== '0';
  return ok(result, scale, suf.format, canonical ? str : undefined);
}

/** The inf.Dec path: exact value, magnitude rounded up to 1n, BinarySI capped at MaxInt64. */
function slowPath(s: Scanned, suf: Suffix): QuantityParse {
  const m = /^[+-]?([0-9]*)(?:\.([0-9]*))?$/.exec(s.value);
  if (!m || !/[0-9]/.test(s.value)) return { ok: false, error: ERR_NUMERIC };
  const frac = m[2] ?? '';
  let magnitude = BigInt((m[1] ?? '') + frac || '0');
  let exponent = -frac.length;
  if (suf.base === 10) exponent += suf.exponent;
  else magnitude <<= BigInt(suf.exponent);
  if (magnitude !== 0n && exponent < NANO) {
    magnitude = ceilDivPow10(magnitude, NANO - exponent);
    exponent = NANO;
  }
  let format = suf.format;
  if (format === 'BinarySI') {
    if (compareMagnitude(magnitude, exponent, MAX_INT64, 0) > 0) {
      magnitude = MAX_INT64;
      exponent = 0;
    }
    if (magnitude !== 0n && compareMagnitude(magnitude, exponent, 1n, 0) < 0) format = 'DecimalSI';
  }
  return ok(s.positive ? magnitude : -magnitude, exponent, format, undefined);
}

function ok(mantissa: bigint, exponent: number, format: QuantityFormat, text: string | undefined): QuantityParse {
  return { ok: true, quantity: text === undefined ? { mantissa, exponent, format } : { mantissa, exponent, format, text } };
}

function ceilDivPow10(n: bigint, k: number): bigint {
  // Past its own digit count, any non-zero magnitude rounds up to exactly one unit.
  if (k > n.toString().length) return 1n;
  const d = 10n ** BigInt(k);
  return (n + d - 1n) / d;
}

function digitCount(n: bigint): number {
  return (n < 0n ? -n : n).toString().length;
}

/** Compares |a| = am·10^ae and |b| = bm·10^be without building powers for far-apart exponents. */
function compareMagnitude(am: bigint, ae: number, bm: bigint, be: number): -1 | 0 | 1 {
  const a = am < 0n ? -am : am;
  const b = bm < 0n ? -bm : bm;
  if (a === 0n || b === 0n) return a === b ? 0 : a === 0n ? -1 : 1;
  const orderA = digitCount(a) + ae;
  const orderB = digitCount(b) + be;
  if (orderA !== orderB) return orderA < orderB ? -1 : 1;
  // Same order of magnitude: the exponents differ by less than the digit counts, so scaling is cheap.
  const e = Math.min(ae, be);
  const x = a * 10n ** BigInt(ae - e);
  const y = b * 10n ** BigInt(be - e);
  return x === y ? 0 : x < y ? -1 : 1;
}

/** Quantity.Cmp: -1, 0 or 1. */
export function compareQuantities(a: Quantity, b: Quantity): -1 | 0 | 1 {
  const sa = sign(a);
  const sb = sign(b);
  if (sa !== sb) return sa < sb ? -1 : 1;
  const c = compareMagnitude(a.mantissa, a.exponent, b.mantissa, b.exponent);
  return (sa < 0 ? -c : c) as -1 | 0 | 1;
}

export function sign(q: Quantity): -1 | 0 | 1 {
  return q.mantissa === 0n ? 0 : q.mantissa < 0n ? -1 : 1;
}

/** Quantity.String(): the kept input, or CanonicalizeBytes' form (`1500m`, `1Gi`, `2e3`). */
export function quantityToString(q: Quantity): string {
  if (q.text !== undefined) return q.text;
  if (q.mantissa === 0n) return '0';
  if (q.format === 'BinarySI') {
    const binary = canonicalBinary(q);
    if (binary !== undefined) return binary;
    return canonicalDecimal(q, 'DecimalSI');
  }
  return canonicalDecimal(q, q.format);
}

function canonicalBinary(q: Quantity): string | undefined {
  // Between -1024 and 1024, or with a fraction, Go prints BinarySI quantities as DecimalSI.
  if (compareMagnitude(q.mantissa, q.exponent, 1024n, 0) < 0) return undefined;
  if (q.exponent < 0) {
    const d = 10n ** BigInt(-q.exponent);
    if (q.mantissa % d !== 0n) return undefined;
  }
  let value = q.exponent < 0 ? q.mantissa / 10n ** BigInt(-q.exponent) : q.mantissa * 10n ** BigInt(q.exponent);
  let power = 0;
  while (value % 1024n === 0n && power < 6) {
    value /= 1024n;
    power++;
  }
  return `${value}${['', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei'][power]}`;
}

function canonicalDecimal(q: Quantity, format: 'DecimalSI' | 'DecimalExponent'): string {
  let mantissa = q.mantissa;
  let exponent = q.exponent;
  while (mantissa % 10n === 0n) {
    mantissa /= 10n;
    exponent++;
  }
  // Go's % truncates toward zero: lower the exponent to a multiple of 3.
  while (exponent % 3 !== 0) {
    mantissa *= 10n;
    exponent--;
  }
  if (format === 'DecimalExponent') return exponent === 0 ? `${mantissa}` : `${mantissa}e${exponent}`;
  const suffix = Object.entries(DEC_SUFFIXES).find(([, e]) => e === exponent)?.[0];
  // Go ignores a missing suffix (exponent beyond E); spell it out as an exponent instead of lying.
  return suffix === undefined ? `${mantissa}e${exponent}` : `${mantissa}${suffix}`;
}

/**
 * Quantity.RoundUp(scale): rounds away from zero to a multiple of 10^scale. The API server does
 * this to every ResourceList value at milli scale (SetDefaults_ResourceList) before validating,
 * and a rounded quantity forgets its original text.
 */
export function roundUp(q: Quantity, scale: number): Quantity {
  if (q.exponent >= scale) return q;
  const magnitude = q.mantissa < 0n ? -q.mantissa : q.mantissa;
  const rounded = ceilDivPow10(magnitude, scale - q.exponent);
  const mantissa = magnitude === 0n ? 0n : q.mantissa < 0n ? -rounded : rounded;
  return { mantissa, exponent: scale, format: q.format };
}

/**
 * Quantity.ScaledValue(scale): ceil(q / 10^scale) away from zero, as an exact integer; undefined
 * for magnitudes beyond any int64 (Go's int64 arithmetic overflows there anyway).
 */
export function scaledValue(q: Quantity, scale: number): bigint | undefined {
  if (q.exponent < scale) return roundUp(q, scale).mantissa;
  if (q.exponent - scale > 40) return undefined;
  return q.mantissa * 10n ** BigInt(q.exponent - scale);
}
