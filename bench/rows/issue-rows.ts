/**
 * The rows of the bench, numbered as issue 18's table: rows 1-11 are that table (what each measures as issue 7
 * first worded it for rows 1-7, issue 18's words for rows 8-11; every target issue 18's), rows 12-17 the other
 * issues' rows after it: issue 12's proofs and log verification at start (12, 13), issue 13's replay (14),
 * issue 15's derivation (15, 16), issue 14's quality bar for the verification pages ("first byte under 50 ms on
 * the demo data", 17).
 */
export const ISSUE_ROWS = {
  1: {
    what: 'durable appends, 64 concurrent single-event appends to distinct streams with expected-revision checks',
    target: '≥ 80 % of raw; ≥ 50× emmett-sqlite',
  },
  2: { what: 'durable appends, sequential single events', target: '≥ 85 %' },
  3: { what: 'rebuild of all read models from position 0 (events/s)', target: '≥ 60 %' },
  4: { what: '`recognition` query over HTTP with `autocannon`, 32 connections, N certificates loaded: req/s, p50, p99', target: '≥ 60 %, p99 ≤ 10 ms' },
  5: { what: 'memory after loading N certificates (RSS, heap)', target: '≤ 512 MiB at 1M' },
  6: { what: 'cold start to ready on a data directory holding N certificates', target: 'restart ≤ 1 s; first start with no read models ≤ 10 s (at 1M)' },
  7: { what: 'EventStoreDB adapter through the protocol test server: appends and read-all rates', target: 'informational' },
  8: { what: 'appends with the Merkle tree maintained (tamper-evident log issue) vs without', target: '≥ 90 %' },
  9: { what: '`recognition` with `knownAt` vs without (record-time issue)', target: '≥ 50 %' },
  10: { what: 'the verification page `/verify/<number>` vs the same answer over GraphQL', target: '≥ 70 %' },
  11: { what: 'bulk import of 100,000 certificates (CB operations issue) vs raw append of the same events', target: '≥ 50 %, and under 60 s' },
  12: { what: 'inclusion and consistency proofs from the tree file of N events: latency p50, p99', target: 'informational' },
  13: { what: 'verification of the log at start, N events: full pass, and restart from the last verified checkpoint', target: 'restart ≤ 2 s at 1M' },
  14: { what: "the auditor's replay of the log (domain rule, no read models) vs the live API on 10,000 random questions", target: 'every answer equal' },
  15: { what: 'deriving the recognition facts of an MRA party withdrawal affecting N certificates (seconds)', target: 'informational' },
  16: { what: 'durable appends with the recognition facts derived live (RecognitionChanges following the log) vs without', target: 'informational' },
  17: { what: 'verification pages: time to first byte of each page on the demo data, p50 and p99', target: 'first byte under 50 ms' },
} as const;

export type RowNumber = keyof typeof ISSUE_ROWS;
export const ROW_NUMBERS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17] as const satisfies readonly RowNumber[];
