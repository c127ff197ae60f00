import { ReadReq } from '@eventstore/db-client/generated/streams_pb';
import type { StoredEvent } from './in-memory-log';
import { BadRequest } from './wire-values';

export interface EventFilter {
  matches(event: StoredEvent): boolean;
  /** A filtered subscription reports a checkpoint after this many events scanned. */
  readonly checkpointEvery: number;
}

// The server's window when the client asks for `count` instead of a maximum.
const DEFAULT_MAX_SEARCH_WINDOW = 32;

export function eventFilter(options: ReadReq.Options): EventFilter | undefined {
  const Case = ReadReq.Options.FilterOptionCase;
  const shape = options.getFilterOptionCase();
  switch (shape) {
    case Case.NO_FILTER:
    case Case.FILTER_OPTION_NOT_SET:
      return undefined;
    case Case.FILTER: {
      const filter = options.getFilter();
      if (!filter) throw new BadRequest('empty filter');
      return fromFilterOptions(filter);
    }
    default: {
      const unreachable: never = shape;
      throw new BadRequest(`unknown filter option ${String(unreachable)}`);
    }
  }
}

function fromFilterOptions(filter: ReadReq.Options.FilterOptions): EventFilter {
  const window = filter.getWindowCase() === ReadReq.Options.FilterOptions.WindowCase.MAX ? filter.getMax() : DEFAULT_MAX_SEARCH_WINDOW;
  const checkpointEvery = Math.max(1, window * Math.max(1, filter.getCheckpointintervalmultiplier()));
  const Case = ReadReq.Options.FilterOptions.FilterCase;
  const target = filter.getFilterCase();
  switch (target) {
    case Case.STREAM_IDENTIFIER:
      return { checkpointEvery, matches: expressionMatcher(filter.getStreamIdentifier(), (event) => event.stream) };
    case Case.EVENT_TYPE:
      return { checkpointEvery, matches: expressionMatcher(filter.getEventType(), (event) => event.type) };
    case Case.FILTER_NOT_SET:
      throw new BadRequest('filter names neither stream nor event type');
    default: {
      const unreachable: never = target;
      throw new BadRequest(`unknown filter target ${String(unreachable)}`);
    }
  }
}

function expressionMatcher(
  expression: ReadReq.Options.FilterOptions.Expression | undefined,
  field: (event: StoredEvent) => string,
): (event: StoredEvent) => boolean {
  if (!expression) throw new BadRequest('filter without expression');
  const prefixes = expression.getPrefixList();
  if (prefixes.length > 0) return (event) => prefixes.some((prefix) => field(event).startsWith(prefix));
  const source = expression.getRegex();
  if (source === '') throw new BadRequest('filter expression without prefixes or regex');
  // .NET's Regex.IsMatch searches like RegExp.test; the client's own filters use the common subset.
  const regex = new RegExp(source);
  return (event) => regex.test(field(event));
}
