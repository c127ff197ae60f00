/** The rows of issue 7's table (1-7), issue 12's (8-10), issue 13's (11, 12) and issue 15's (14, 15), word for word: what each measures and
 * its target; row 13 is issue 14's quality bar ("first byte under 50 ms on the demo data"). */
export const ISSUE_ROWS = {
  1: {
    what: 'durable appends, 64 concurrent single-event appends to distinct streams with expected-revision checks',
    target: '≥ 50 % of raw; ≥ 5× emmett',
  },
  2: { what: 'durable appends, sequential single events', target: '≥ 80 %' },
  3: { what: 'rebuild of all read models from position 0 (events/s)', target: '≥ 50 %' },
  4: { what: '`recognition` query over HTTP with `autocannon`, 32 connections, N certificates loaded: req/s, p50, p99', target: '≥ 60 %, p99 ≤ 10 ms' },
  5: { what: 'memory after loading N certificates (RSS, heap)', target: '≤ 1 GiB at 1M' },
  6: { what: 'cold start to ready on a data directory holding N certificates', target: '≤ 15 s at 1M' },
  7: { what: 'EventStoreDB adapter through the protocol test server: appends and read-all rates', target: 'informational' },
  8: { what: 'durable appends with the Merkle tree maintained (the log followed, leaves hashed and stored) vs without', target: 'informational' },
  9: { what: 'inclusion and consistency proofs from the tree file of N events: latency p50, p99', target: 'informational' },
  10: { what: 'verification of the log at start, N events: full pass, and restart from the last verified checkpoint', target: 'restart ≤ 2 s at 1M' },
  11: { what: '`recognition` with knownAt (as known at a past instant) vs without, over HTTP, 32 connections: req/s, p50, p99', target: 'within 2× of without' },
  12: { what: "the auditor's replay of the log (domain rule, no read models) vs the live API on 10,000 random questions", target: 'every answer equal' },
  13: { what: 'verification pages: time to first byte of each page on the demo data, p50 and p99', target: 'first byte under 50 ms' },
  14: { what: 'deriving the recognition facts of an MRA party withdrawal affecting N certificates (seconds)', target: 'informational' },
  15: { what: 'durable appends with the recognition facts derived live (RecognitionChanges following the log) vs without', target: 'informational' },
} as const;

export type RowNumber = keyof typeof ISSUE_ROWS;
export const ROW_NUMBERS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15] as const satisfies readonly RowNumber[];
