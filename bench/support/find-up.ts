import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The nearest `relative` path at or above `from`, or null. */
export function findUp(from: string, relative: string): string | null {
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = join(dir, relative);
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) return null;
  }
}
