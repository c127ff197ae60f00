import type { CalendarDate } from '../../shared/calendar-date';
import type { EventRef } from '../../shared/event-ref';

/** Why a qualification's level cannot be placed in the host country, or why its occupation is not a shared
 * priority. Public contract: exact strings, never renamed. */
export const COMPARABILITY_REASON_CODES = [
  'QUALIFICATION_NOT_FOUND',
  'CERTIFICATE_NOT_FOUND',
  'SCHEME_NOT_LINKED',
  'HOME_REFERENCING_NOT_ENDORSED',
  'NQF_LEVEL_NOT_REFERENCED',
  'HOST_REFERENCING_NOT_ENDORSED',
  'NO_HOST_LEVEL_AT_AQRF_LEVEL',
  'NOT_PRIORITY_IN_HOME',
  'NOT_PRIORITY_IN_HOST',
] as const;

export type ComparabilityReasonCode = (typeof COMPARABILITY_REASON_CODES)[number];

export type ComparabilityReason = { code: ComparabilityReasonCode; message: string };

/** The codes that leave the level unplaced; the priority codes inform but do not make it incomparable. */
export const LEVEL_REASON_CODES: readonly ComparabilityReasonCode[] = COMPARABILITY_REASON_CODES.filter(
  (code) => code !== 'NOT_PRIORITY_IN_HOME' && code !== 'NOT_PRIORITY_IN_HOST',
);

export const COMPARABILITY_NOTICE =
  'Comparability, not recognition: where the qualification sits in the host country through both countries\u2019 endorsed AQRF referencing. Information for employers and recognition bodies; it recognizes nothing.';

/**
 * "At which level of the host country's framework does this qualification sit on this date, is its occupation
 * a validated priority in both countries, and on which records does that rest?"
 */
export type ComparabilityAnswer = {
  /** Always COMPARABILITY: this answer is never a recognition. */
  kind: 'COMPARABILITY';
  notice: string;
  qualificationId: string | null;
  certificateNumber: string | null;
  /** The host country, upper-case. */
  country: string;
  asOf: CalendarDate;
  homeCountry: string | null;
  occupation: string | null;
  homeNqfLevel: number | null;
  aqrfLevel: number | null;
  /** The host framework's levels referenced to the same AQRF level; empty when not comparable. */
  hostNqfLevels: number[];
  /** Both countries' endorsed referencing place the qualification at a level of the host framework. */
  comparable: boolean;
  /** The occupation is a validated (tripartite) priority occupation in both countries. */
  priorityInBoth: boolean;
  /** Every unmet condition, the priority ones included. */
  reasons: ComparabilityReason[];
  evidence: EventRef[];
};
