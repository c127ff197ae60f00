import type { CalendarDate } from '../shared/calendar-date';
import { governingAt } from '../shared/dated';
import type { LifecycleChange } from '../shared/statements';
import type { ArrangementChange, ArrangementTimeline, PartyStatement } from './timeline';

/** An MRA on a date. When several hold: TERMINATED, then EXPIRED, then SUSPENDED. */
export type ArrangementStatus = 'NOT_YET_IN_FORCE' | 'IN_FORCE' | 'SUSPENDED' | 'TERMINATED' | 'EXPIRED';

const byEffectiveOn = (statement: { effectiveOn: CalendarDate }) => statement.effectiveOn;

export function arrangementStatusChangeAt(
  timeline: ArrangementTimeline,
  asOf: CalendarDate,
): LifecycleChange<ArrangementChange> | null {
  return governingAt(timeline.statusChanges, asOf, byEffectiveOn);
}

export function arrangementStatusAt(timeline: ArrangementTimeline, asOf: CalendarDate): ArrangementStatus {
  if (asOf < timeline.effectiveFrom) return 'NOT_YET_IN_FORCE';
  const change = arrangementStatusChangeAt(timeline, asOf)?.change;
  if (change === 'TERMINATED') return 'TERMINATED';
  if (timeline.expiresOn !== null && asOf > timeline.expiresOn) return 'EXPIRED';
  return change === 'SUSPENDED' ? 'SUSPENDED' : 'IN_FORCE';
}

/** The record that last made `cbId` a party or not on or before `asOf`. */
export function partyStatementAt(timeline: ArrangementTimeline, cbId: string, asOf: CalendarDate): PartyStatement | null {
  const about = timeline.parties.filter((statement) => statement.cbId === cbId);
  return governingAt(about, asOf, byEffectiveOn);
}

export function isPartyAt(timeline: ArrangementTimeline, cbId: string, asOf: CalendarDate): boolean {
  const statement = partyStatementAt(timeline, cbId, asOf);
  return statement !== null && statement.change !== 'WITHDRAWN';
}

/** Every CB that was ever a party, in order of first appearance. */
export function everParties(timeline: ArrangementTimeline): string[] {
  return [...new Set(timeline.parties.map((statement) => statement.cbId))];
}

export function arrangementPartiesAt(timeline: ArrangementTimeline, asOf: CalendarDate): string[] {
  return everParties(timeline).filter((cbId) => isPartyAt(timeline, cbId, asOf));
}

/** The parties after the last recorded change. */
export function currentArrangementParties(timeline: ArrangementTimeline): string[] {
  const last = new Map<string, PartyStatement['change']>();
  for (const statement of timeline.parties) last.set(statement.cbId, statement.change);
  return [...last].filter(([, change]) => change !== 'WITHDRAWN').map(([cbId]) => cbId);
}

/** The record fixing the covered schemes on `asOf` (null before the arrangement is in force). */
export function arrangementScopeStatementAt(timeline: ArrangementTimeline, asOf: CalendarDate) {
  return governingAt(timeline.scope, asOf, byEffectiveOn);
}

export function arrangementSchemesAt(timeline: ArrangementTimeline, asOf: CalendarDate): string[] {
  return arrangementScopeStatementAt(timeline, asOf)?.schemes ?? [];
}

/** The covered schemes after the last recorded amendment. */
export function currentArrangementSchemes(timeline: ArrangementTimeline): string[] {
  return timeline.scope[timeline.scope.length - 1].schemes;
}
