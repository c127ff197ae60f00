import { badUserInput } from '../errors';

/** A tree size or leaf index given by a caller: an integer from `min` to `max`, or BAD_USER_INPUT naming the field. */
export function treeInteger(path: string, value: unknown, min: number, max: number): number {
  const number = typeof value === 'string' && /^\d{1,15}$/.test(value) ? Number(value) : value;
  if (typeof number !== 'number' || !Number.isSafeInteger(number) || number < min || number > max) {
    throw badUserInput([{ path, message: max < min ? 'the log holds no such entry yet' : `must be an integer from ${min} to ${max}` }]);
  }
  return number;
}
