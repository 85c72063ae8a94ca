/**
 * The whole number a text writes in plain decimal digits (`1500`, `-7`), or NaN: `Number` would
 * also read `0x10`, `1e3`, `0b11`, ` 5` and an empty text.
 */
export function decimalInteger(text: string): number {
  return /^-?\d+$/.test(text) ? Number(text) : Number.NaN;
}

/**
 * Why a whole number's text is refused that `Number` would have read (`0x10`, `1e3`, ` 5`), naming
 * the decimal number it would have meant, to follow the field's name; null for plain digits or no number.
 */
export function notInDecimalDigits(text: string): string | null {
  if (text.trim() === '' || !Number.isNaN(decimalInteger(text)) || !Number.isInteger(Number(text))) return null;
  return `takes plain decimal digits, such as ${Number(text)} (got '${text}')`;
}

/**
 * Why a field's text is no whole number from `least` to `most`, in the field's words
 * (`Ticks must be at most 1000 (got '5000')`), or null when it is one.
 */
export function wholeNumberProblem(name: string, text: string, least: number, most: number): string | null {
  const value = decimalInteger(text);
  if (Number.isNaN(value) || value < least) return `${name} must be a whole number, at least ${least} (got '${text}')`;
  if (value > most) return `${name} must be at most ${most} (got '${text}')`;
  return null;
}
