/**
 * RFC 8785 (JCS) JSON of a JSON value: object members sorted by their names' UTF-16 code units, no whitespace,
 * strings and numbers as ECMAScript's JSON.stringify writes them (which is what §3.2.2 prescribes).
 *
 * Not the `canonicalize` package (the RFC's reference implementation for JS), though its output is the same —
 * canonical-json.spec.ts checks it against that package on random values: every event is canonicalized when the
 * log is hashed, verified or exported, and the package builds each level's text through `reduce` and template
 * strings, a quarter slower on our events (profiled with bench row 13's first build).
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return primitive(value);
  const withToJson = value as { toJSON?: unknown };
  if (typeof withToJson.toJSON === 'function') return canonicalJson((withToJson.toJSON as () => unknown).call(value));
  if (Array.isArray(value)) {
    let text = '[';
    for (let i = 0; i < value.length; i += 1) {
      if (i > 0) text += ',';
      const item: unknown = value[i];
      text += item === undefined || typeof item === 'symbol' || typeof item === 'function' ? 'null' : canonicalJson(item);
    }
    return `${text}]`;
  }
  const record = value as Record<string, unknown>;
  const names = Object.keys(record);
  // Events of one type keep their members in one order, often already sorted: checking costs less than sorting.
  if (!inOrder(names)) names.sort();
  let text = '{';
  for (const name of names) {
    const member = record[name];
    if (member === undefined || typeof member === 'symbol' || typeof member === 'function') continue;
    if (text.length > 1) text += ',';
    text += `${quotedName(name)}:${canonicalJson(member)}`;
  }
  return `${text}}`;
}

function inOrder(names: string[]): boolean {
  for (let i = 1; i < names.length; i += 1) if (names[i - 1] > names[i]) return false;
  return true;
}

/** Member names repeat from event to event (a few hundred in the whole log): each is quoted once. Bounded, so
 * that values used as names (a map keyed by ids) cannot grow it without end. */
const QUOTED_NAMES = new Map<string, string>();
const MAX_QUOTED_NAMES = 4_096;

function quotedName(name: string): string {
  let quoted = QUOTED_NAMES.get(name);
  if (quoted === undefined) {
    quoted = JSON.stringify(name);
    if (QUOTED_NAMES.size < MAX_QUOTED_NAMES) QUOTED_NAMES.set(name, quoted);
  }
  return quoted;
}

function primitive(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' && !Number.isFinite(value)) throw new Error(`${value} has no JSON form`);
  if (typeof value === 'bigint') throw new TypeError('a bigint has no JSON form');
  const text = JSON.stringify(value) as string | undefined;
  if (text === undefined) throw new TypeError(`${typeof value} has no JSON form`);
  return text;
}
