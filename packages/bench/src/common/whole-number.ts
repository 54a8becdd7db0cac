import { InputError } from '@stackwright/generator';

/**
 * A numeric flag's value, checked to be a whole number in [min, max]; bad input exits 2 naming what the flag takes.
 * yargs reads a word given to a number option as NaN, so that case says "is not a number" rather than echo NaN.
 */
export function wholeNumber(flag: string, value: number, min: number, max: number, unit = ''): number {
  if (Number.isInteger(value) && value >= min && value <= max) return value;
  const what = Number.isNaN(value)
    ? 'is not a number'
    : Number.isInteger(value)
      ? `${value} is out of range`
      : `${value} is not a whole number`;
  throw InputError.single(flag, '', what, `a whole number${unit ? ` of ${unit}` : ''} from ${min} to ${max}`);
}
