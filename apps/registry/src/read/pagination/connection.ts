import { Field, Int, ObjectType } from '@nestjs/graphql';
import type { Type } from '@nestjs/common';
import { badUserInput } from '../../errors';
import { boundedInteger } from '../query-arguments';

/** The most items one page holds: the page size is capped, the list is not. */
export const MAX_PAGE_SIZE = 1_000;
export const DEFAULT_PAGE_SIZE = 100;

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

/** Cursors are opaque to clients: the item's sort key, base64url-encoded. */
export function encodeCursor(key: string): string {
  return Buffer.from(key, 'utf8').toString('base64url');
}

function decodeCursor(cursor: string): string {
  const key = Buffer.from(cursor, 'base64url').toString('utf8');
  if (cursor.length === 0 || cursor.length > 400 || encodeCursor(key) !== cursor) {
    throw badUserInput([{ path: 'after', message: 'is not a cursor this registry gave' }]);
  }
  return key;
}

/**
 * One page of `items`, already filtered and sorted by `keyOf` (unique, ascending, compared as strings): the items
 * after the cursor, at most `first`. Keyset pagination, so an item added or removed between two pages neither
 * repeats nor skips the others.
 */
export function paginate<Item, Node>(
  items: readonly Item[],
  keyOf: (item: Item) => string,
  toNode: (item: Item) => Node,
  first: number | null | undefined,
  after: string | null | undefined,
): Page<Node> {
  const size = boundedInteger('first', first, DEFAULT_PAGE_SIZE, 0, MAX_PAGE_SIZE);
  const afterKey = after == null ? null : decodeCursor(after);
  const start = afterKey === null ? 0 : items.findIndex((item) => keyOf(item) > afterKey);
  const rest = start < 0 ? [] : items.slice(start);
  const page = rest.slice(0, size);
  const edges = page.map((item) => ({ cursor: encodeCursor(keyOf(item)), node: toNode(item) }));
  return {
    edges,
    nodes: edges.map((edge) => edge.node),
    pageInfo: { hasNextPage: rest.length > page.length, endCursor: edges.at(-1)?.cursor ?? null },
    totalCount: items.length,
  };
}
