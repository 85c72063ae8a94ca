import { decimalInteger, notInDecimalDigits } from '../model/decimal-integer';

/**
 * Why a typed seed is no seed a run takes, to follow the field's name (`--seed`, the app's Seed),
 * or null: plain decimal digits, `-` for a negative one, within what JavaScript and JSON keep exactly.
 * The app's run bar and `simulate --seed` both read a seed with it, and refuse the same texts.
 */
export function seedProblem(text: string): string | null {
  if (Number.isSafeInteger(decimalInteger(text))) return null;
  return (
    notInDecimalDigits(text) ??
    `must be a whole number between ${Number.MIN_SAFE_INTEGER} and ${Number.MAX_SAFE_INTEGER} (got '${text}')`
  );
}
