import { closeSync, fstatSync, openSync, writeSync } from 'node:fs';

/** SQLite's default page size, which the read-model file keeps. */
const PAGE_SIZE = 4096;

/** Overwrites every page from `fromPage` (1-based) to the end with pseudo-random bytes, as a failing disk or a
 * stray write would: the b-trees on those pages no longer hold together. */
export function scramblePages(file: string, fromPage = 2, seed = 1): void {
  const fd = openSync(file, 'r+');
  try {
    const size = fstatSync(fd).size;
    let state = seed;
    const page = Buffer.alloc(PAGE_SIZE);
    for (let offset = (fromPage - 1) * PAGE_SIZE; offset < size; offset += PAGE_SIZE) {
      for (let i = 0; i < PAGE_SIZE; i += 1) {
        state = (state * 1103515245 + 12345) >>> 0;
        page[i] = state >>> 24;
      }
      writeSync(fd, page, 0, PAGE_SIZE, offset);
    }
  } finally {
    closeSync(fd);
  }
}

/** Overwrites the first 100 bytes (the database header) with random-looking bytes. */
export function scrambleHeader(file: string): void {
  const fd = openSync(file, 'r+');
  try {
    writeSync(fd, Buffer.from(Array.from({ length: 100 }, (_, i) => (i * 37 + 11) & 0xff)), 0, 100, 0);
  } finally {
    closeSync(fd);
  }
}
