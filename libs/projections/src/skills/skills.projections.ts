import {
  REGISTRY_EVENT_TYPES,
  evolveActionPlanTimeline,
  evolveNationalFrameworkTimeline,
  evolveNationalQualificationTimeline,
  evolvePriorityOccupationTimeline,
  evolveSchemeLinkTimeline,
  isActionPlanEvent,
  isNationalFrameworkEvent,
  isNationalQualificationEvent,
  isPriorityOccupationEvent,
  isSchemeLinkEvent,
  occupationKey,
  type ActionPlanTimeline,
  type NationalFrameworkTimeline,
  type NationalQualificationTimeline,
  type PriorityOccupationTimeline,
  type SchemeLinkTimeline,
} from '@registry/domain';
import { defineProjection } from '../document-projection';

export const COUNTRY_KEY = 'country';
/** `<COUNTRY>:<occupation, lower-case>`: the priorities comparability looks up for one occupation in one country. */
export const OCCUPATION_KEY = 'occupation';

export const nationalFrameworksProjection = defineProjection<NationalFrameworkTimeline>({
  name: 'national_frameworks',
  // 2: the levels' history (levelHistory)
  version: 2,
  eventTypes: REGISTRY_EVENT_TYPES.filter((type) => isNationalFrameworkEvent({ type })),
  evolve: evolveNationalFrameworkTimeline,
});

export const nationalQualificationsProjection = defineProjection<NationalQualificationTimeline>({
  name: 'national_qualifications',
  version: 1,
  eventTypes: REGISTRY_EVENT_TYPES.filter((type) => isNationalQualificationEvent({ type })),
  evolve: evolveNationalQualificationTimeline,
  keys: (qualification) => [[COUNTRY_KEY, qualification.country]],
});

export const schemeLinksProjection = defineProjection<SchemeLinkTimeline>({
  name: 'scheme_links',
  version: 1,
  eventTypes: REGISTRY_EVENT_TYPES.filter((type) => isSchemeLinkEvent({ type })),
  evolve: evolveSchemeLinkTimeline,
});

export const priorityOccupationsProjection = defineProjection<PriorityOccupationTimeline>({
  name: 'priority_occupations',
  version: 1,
  eventTypes: REGISTRY_EVENT_TYPES.filter((type) => isPriorityOccupationEvent({ type })),
  evolve: evolvePriorityOccupationTimeline,
  keys: (priority) => [
    [COUNTRY_KEY, priority.country],
    [OCCUPATION_KEY, `${priority.country}:${occupationKey(priority.occupation)}`],
  ],
});

export const actionPlansProjection = defineProjection<ActionPlanTimeline>({
  name: 'action_plans',
  // 2: the targets' history (targetHistory)
  version: 2,
  eventTypes: REGISTRY_EVENT_TYPES.filter((type) => isActionPlanEvent({ type })),
  evolve: evolveActionPlanTimeline,
});

/** The read models of the mutual-recognition-of-skills context. */
export const SKILLS_PROJECTIONS = [
  nationalFrameworksProjection,
  nationalQualificationsProjection,
  schemeLinksProjection,
  priorityOccupationsProjection,
  actionPlansProjection,
] as const;
