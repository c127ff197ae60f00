import { Field, Int, ObjectType } from '@nestjs/graphql';
import type { Type } from '@nestjs/common';
import { badUserInput } from '../../errors';
import { boundedInteger } from '../query-arguments';

/** The most items one page holds: the page size is capped, the list is not. */
export const MAX_PAGE_SIZE = 1_000;
export const DEFAULT_PAGE_SIZE = 100;

/** Longer than any cursor the registry gives (a tag and a key of at most a few hundred characters). */
const MAX_CURSOR_LENGTH = 600;

@ObjectType('PageInfo', { description: 'Relay cursor pagination: pass endCursor as `after` for the next page.' })
export class PageInfoObject {
  @Field()
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true, description: 'The cursor of the last item of this page; null on an empty page.' })
  endCursor!: string | null;
}

export type Page<Node> = { edges: { cursor: string; node: Node }[]; nodes: Node[]; pageInfo: PageInfoObject; totalCount: number };

/**
 * The fields of a Relay-style connection (with its `<name>Edge` type): edges with cursors, the nodes alone for
 * convenience, pageInfo and the total count of the whole filtered list. Extend it as `<name>Connection`.
 */
export function Connection<Node>(name: string, node: Type<Node>): Type<Page<Node>> {
  @ObjectType(`${name}Edge`)
  class Edge {
    @Field()
    cursor!: string;

    @Field(() => node)
    node!: Node;
  }

  // Abstract: the caller names the concrete `<name>Connection` class (see RecognitionApplicationConnection).
  @ObjectType({ isAbstract: true })
  class ConnectionObject {
    @Field(() => [Edge])
    edges!: Edge[];

    @Field(() => [node], { description: 'The nodes of the edges, in the same order.' })
    nodes!: Node[];

    @Field(() => PageInfoObject)
    pageInfo!: PageInfoObject;

    @Field(() => Int, { description: 'How many items the whole filtered list holds, across every page.' })
    totalCount!: number;
  }
  return ConnectionObject;
}

/**
 * Cursors are opaque to clients: the list's name and the item's sort key, base64url-encoded. The name makes a
 * cursor of one list refused by another. They are not signed: a forged cursor only names a place in a list the
 * caller may read anyway, so what is refused is what no list of this registry gave.
 */
export function encodeCursor(list: string, key: string): string {
  return Buffer.from(`${list}:${key}`, 'utf8').toString('base64url');
}

/** The sort key a cursor of `list` holds; BAD_USER_INPUT (field `after`) for anything else. */
export function decodeCursor(list: string, cursor: string, validKey: (key: string) => boolean = () => true): string {
  const refused = () => badUserInput([{ path: 'after', message: 'is not a cursor this registry gave for this list' }]);
  if (cursor.length === 0 || cursor.length > MAX_CURSOR_LENGTH) throw refused();
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const tag = `${list}:`;
  if (Buffer.from(text, 'utf8').toString('base64url') !== cursor || !text.startsWith(tag)) throw refused();
  const key = text.slice(tag.length);
  if (!validKey(key)) throw refused();
  return key;
}

/** A revision or a tree size as a cursor key: a decimal integer, no sign, no leading zero. */
export const isCountKey = (key: string): boolean => /^(0|[1-9]\d{0,15})$/.test(key) && Number.isSafeInteger(Number(key));

/** `first` and `after` checked: the page size and the key to start after (null: from the start). */
export type PageRequest = { size: number; afterKey: string | null };

export function pageRequest(list: string, first: number | null | undefined, after: string | null | undefined, validKey?: (key: string) => boolean): PageRequest {
  const size = boundedInteger('first', first, DEFAULT_PAGE_SIZE, 0, MAX_PAGE_SIZE);
  return { size, afterKey: after == null ? null : decodeCursor(list, after, validKey) };
}

/** Builds the page from the items read past the cursor (at most one more than the page holds). The total is
 * computed only when the client selects `totalCount`: a client walking pages pays for the page alone. */
export function pageOf<Item, Node>(
  list: string,
  request: PageRequest,
  items: readonly Item[],
  keyOf: (item: Item) => string,
  toNode: (item: Item) => Node,
  total: () => number,
): Page<Node> {
  const page = items.slice(0, request.size);
  const edges = page.map((item) => ({ cursor: encodeCursor(list, keyOf(item)), node: toNode(item) }));
  return {
    edges,
    nodes: edges.map((edge) => edge.node),
    pageInfo: { hasNextPage: items.length > page.length, endCursor: edges.at(-1)?.cursor ?? null },
    get totalCount() {
      return total();
    },
  };
}

/** Reads `limit` documents of a sorted source past `afterKey` (null: from the start), in key order. */
export type KeysetRead<Doc> = (afterKey: string | null, limit: number) => readonly Doc[];

/**
 * One page of a list read from an indexed, sorted source (a read model's keyset query): at most `size + 1`
 * documents past the cursor, so a page costs O(page), not O(list). `select` turns a document into the item
 * listed, or null to pass it by (a filter on a date or on record time the index cannot answer): the source is then
 * read on, in chunks, until the page is full or the source ends. Keyset pagination: an item added or removed
 * between two pages neither repeats nor skips the others.
 */
export function keysetPage<Doc, Node>(
  list: string,
  request: PageRequest,
  read: KeysetRead<Doc>,
  keyOf: (doc: Doc) => string,
  select: (doc: Doc) => Node | null,
  total: () => number,
): Page<Node> {
  const wanted = request.size + 1;
  const kept: { key: string; node: Node }[] = [];
  let afterKey = request.afterKey;
  while (kept.length < wanted) {
    const chunk = read(afterKey, wanted);
    for (const doc of chunk) {
      const node = select(doc);
      if (node !== null) kept.push({ key: keyOf(doc), node });
    }
    if (chunk.length < wanted) break;
    afterKey = keyOf(chunk[chunk.length - 1]);
  }
  return pageOf(list, request, kept, (item) => item.key, (item) => item.node, total);
}

/** How many documents of a sorted source `keep` keeps: the total of a list filtered on what no index holds (a date,
 * record time), which costs a walk of the source, in chunks. Only when the client asks for totalCount. */
export function countKept<Doc>(read: KeysetRead<Doc>, keyOf: (doc: Doc) => string, keep: (doc: Doc) => boolean): number {
  let count = 0;
  let afterKey: string | null = null;
  for (;;) {
    const chunk = read(afterKey, MAX_PAGE_SIZE);
    for (const doc of chunk) if (keep(doc)) count += 1;
    if (chunk.length < MAX_PAGE_SIZE) return count;
    afterKey = keyOf(chunk[chunk.length - 1]);
  }
}

/**
 * One page of `items` already in memory, filtered and sorted by `keyOf` (unique, ascending, compared as strings):
 * the items after the cursor, at most `first`.
 */
export function paginate<Item, Node>(
  list: string,
  items: readonly Item[],
  keyOf: (item: Item) => string,
  toNode: (item: Item) => Node,
  first: number | null | undefined,
  after: string | null | undefined,
): Page<Node> {
  const request = pageRequest(list, first, after);
  const afterKey = request.afterKey;
  const start = afterKey === null ? 0 : items.findIndex((item) => keyOf(item) > afterKey);
  const rest = start < 0 ? [] : items.slice(start, start + request.size + 1);
  return pageOf(list, request, rest, keyOf, toNode, () => items.length);
}

/** The two arguments every connection takes. */
export const FIRST = { type: () => Int, nullable: true } as const;
export const AFTER = { type: () => String, nullable: true } as const;

/** What the description of a `…Connection` query says of its pages. */
export const IN_PAGES = `in pages (first ≤ ${MAX_PAGE_SIZE}, default ${DEFAULT_PAGE_SIZE}; after: the endCursor of the page before)`;
