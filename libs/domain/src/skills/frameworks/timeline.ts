import type { RegistryEvent } from '../../registry-event';
import type { CalendarDate } from '../../shared/calendar-date';
import { unreachable } from '../../shared/decider';
import type { EventRef } from '../../shared/event-ref';
import type { ReferencingStatus } from './decider';
import { isNationalFrameworkEvent, type FrameworkLevel, type LevelReference } from './events';

/** One dated step of a referencing version: started or amended (IN_PROGRESS), submitted, endorsed. */
export type ReferencingStep = { status: ReferencingStatus; on: CalendarDate; reason: string | null; ref: EventRef };

export type ReferencingVersion = {
  version: number;
  references: LevelReference[];
  steps: ReferencingStep[];
};

/** The framework's levels from a date on (`from` null: as registered), and why they changed. */
export type LevelsVersion = { levels: FrameworkLevel[]; from: CalendarDate | null; reason: string | null; ref: EventRef };

/** A country's framework, every version of its levels and of its referencing to the AQRF, in the order recorded. */
export type NationalFrameworkTimeline = {
  stream: string;
  /** The last stream revision folded in; lower or equal revisions are ignored, so replays are harmless. */
  revision: number;
  country: string;
  title: string;
  /** The latest levels recorded (see levelsAt for a date). */
  levels: FrameworkLevel[];
  levelHistory: LevelsVersion[];
  registered: EventRef;
  versions: ReferencingVersion[];
};

export function evolveNationalFrameworkTimeline(
  timeline: NationalFrameworkTimeline | null,
  event: RegistryEvent,
  ref: EventRef,
): NationalFrameworkTimeline | null {
  if (!isNationalFrameworkEvent(event)) return timeline;
  if (timeline === null) {
    if (event.type !== 'NationalFrameworkRegistered') return null;
    const { country, title, levels } = event.data;
    return {
      stream: ref.stream,
      revision: ref.revision,
      country,
      title,
      levels,
      levelHistory: [{ levels, from: null, reason: null, ref }],
      registered: ref,
      versions: [],
    };
  }
  if (ref.stream !== timeline.stream || ref.revision <= timeline.revision) return timeline;
  const next = { ...timeline, revision: ref.revision };
  switch (event.type) {
    case 'NationalFrameworkRegistered':
      return next;
    case 'NationalFrameworkLevelsAmended': {
      const { levels, amendedOn, reason } = event.data;
      return { ...next, levels, levelHistory: [...next.levelHistory, { levels, from: amendedOn, reason, ref }] };
    }
    case 'AqrfReferencingStarted': {
      const { version, references, startedOn } = event.data;
      return { ...next, versions: [...next.versions, { version, references, steps: [{ status: 'IN_PROGRESS', on: startedOn, reason: null, ref }] }] };
    }
    case 'AqrfReferencingAmended': {
      const { version, references, amendedOn, reason } = event.data;
      return { ...next, versions: [...next.versions, { version, references, steps: [{ status: 'IN_PROGRESS', on: amendedOn, reason, ref }] }] };
    }
    case 'AqrfReferencingSubmitted':
      return withStep(next, event.data.version, { status: 'SUBMITTED', on: event.data.submittedOn, reason: null, ref });
    case 'AqrfReferencingEndorsed':
      return withStep(next, event.data.version, { status: 'ENDORSED', on: event.data.endorsedOn, reason: null, ref });
    default:
      return unreachable(event);
  }
}

function withStep(timeline: NationalFrameworkTimeline, version: number, step: ReferencingStep): NationalFrameworkTimeline {
  return {
    ...timeline,
    versions: timeline.versions.map((entry) => (entry.version === version ? { ...entry, steps: [...entry.steps, step] } : entry)),
  };
}

/** The framework's levels on a date: the latest amendment in effect by then, else the levels registered. */
export function levelsAt(timeline: NationalFrameworkTimeline, asOf: CalendarDate): FrameworkLevel[] {
  const inEffect = timeline.levelHistory.filter((version) => version.from === null || version.from <= asOf);
  return inEffect.at(-1)?.levels ?? timeline.levels;
}

/** The referencing's state on a date: the latest version begun by then, at its latest step by then. */
export function referencingStatusAt(
  timeline: NationalFrameworkTimeline,
  asOf: CalendarDate,
): { version: number; status: ReferencingStatus; since: CalendarDate } | null {
  const begun = timeline.versions.filter((version) => version.steps[0].on <= asOf);
  const current = begun[begun.length - 1];
  if (current === undefined) return null;
  const steps = current.steps.filter((step) => step.on <= asOf);
  const step = steps[steps.length - 1];
  return { version: current.version, status: step.status, since: step.on };
}

/** The referencing in force on a date: the latest version endorsed on or before it, with the records that made it. */
export type EndorsedReferencing = {
  version: number;
  references: LevelReference[];
  endorsedOn: CalendarDate;
  evidence: EventRef[];
};

export function endorsedReferencingAt(timeline: NationalFrameworkTimeline, asOf: CalendarDate): EndorsedReferencing | null {
  let found: EndorsedReferencing | null = null;
  for (const version of timeline.versions) {
    const endorsement = version.steps.find((step) => step.status === 'ENDORSED' && step.on <= asOf);
    if (endorsement === undefined) continue;
    found = { version: version.version, references: version.references, endorsedOn: endorsement.on, evidence: [version.steps[0].ref, endorsement.ref] };
  }
  return found;
}

export function aqrfLevelOf(referencing: EndorsedReferencing, nqfLevel: number): number | null {
  return referencing.references.find((reference) => reference.nqfLevel === nqfLevel)?.aqrfLevel ?? null;
}

export function nqfLevelsAt(referencing: EndorsedReferencing, aqrfLevel: number): number[] {
  return referencing.references.filter((reference) => reference.aqrfLevel === aqrfLevel).map((reference) => reference.nqfLevel);
}
