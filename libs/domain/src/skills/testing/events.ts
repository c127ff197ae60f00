import type { RegistryEvent } from '../../registry-event';
import type { FrameworkLevel, LevelReference } from '../frameworks/events';

/** Terse builders of the skills context's events for specs. */

type Ev<Type extends RegistryEvent['type']> = Extract<RegistryEvent, { type: Type }>;

export const FOUR_LEVELS: FrameworkLevel[] = [
  { level: 1, title: 'Certificate I' },
  { level: 2, title: 'Certificate II' },
  { level: 3, title: 'Certificate III' },
  { level: 4, title: 'Certificate IV' },
];

/** NQF level n at AQRF level n. */
export const ONE_TO_ONE: LevelReference[] = [1, 2, 3, 4].map((level) => ({ nqfLevel: level, aqrfLevel: level }));

export const skills = {
  frameworkRegistered: (country: string, levels = FOUR_LEVELS): Ev<'NationalFrameworkRegistered'> => ({
    type: 'NationalFrameworkRegistered',
    data: { country, title: `${country} qualifications framework`, levels },
  }),
  referencingStarted: (country: string, startedOn: string, references = ONE_TO_ONE): Ev<'AqrfReferencingStarted'> => ({
    type: 'AqrfReferencingStarted',
    data: { country, version: 1, references, startedOn },
  }),
  referencingAmended: (country: string, version: number, amendedOn: string, references: LevelReference[]): Ev<'AqrfReferencingAmended'> => ({
    type: 'AqrfReferencingAmended',
    data: { country, version, references, amendedOn, reason: 'levels 3 and 4 re-described' },
  }),
  referencingSubmitted: (country: string, version: number, submittedOn: string): Ev<'AqrfReferencingSubmitted'> => ({
    type: 'AqrfReferencingSubmitted',
    data: { country, version, submittedOn },
  }),
  referencingEndorsed: (country: string, version: number, endorsedOn: string): Ev<'AqrfReferencingEndorsed'> => ({
    type: 'AqrfReferencingEndorsed',
    data: { country, version, endorsedOn },
  }),
  qualificationRegistered: (id: string, country: string, nqfLevel: number, occupation = 'Cook'): Ev<'NationalQualificationRegistered'> => ({
    type: 'NationalQualificationRegistered',
    data: { id, country, title: `${occupation}, level ${nqfLevel}`, occupation, sector: 'Tourism', nqfLevel, awardingBody: `${country} skills authority` },
  }),
  schemeLinked: (schemeCode: string, linkedOn: string, target: { qualificationId?: string; aqrfLevel?: number }): Ev<'SchemeLinkedToQualification'> => ({
    type: 'SchemeLinkedToQualification',
    data: { schemeCode, qualificationId: target.qualificationId ?? null, aqrfLevel: target.aqrfLevel ?? null, linkedOn },
  }),
  priorityProposed: (country: string, code: string, proposedOn: string, occupation = 'Cook'): Ev<'PriorityOccupationProposed'> => ({
    type: 'PriorityOccupationProposed',
    data: { country, code, sector: 'Tourism', occupation, proposedOn },
  }),
  priorityValidated: (
    country: string,
    code: string,
    partner: 'EMPLOYERS' | 'WORKERS',
    validatedOn: string,
    outcome: 'VALIDATED' | 'NOT_VALIDATED' = 'VALIDATED',
  ): Ev<'PriorityOccupationValidated'> => ({
    type: 'PriorityOccupationValidated',
    data: {
      country,
      code,
      partner,
      organisation: partner === 'EMPLOYERS' ? `${country} employers' federation` : `${country} trade union congress`,
      representative: null,
      outcome,
      validatedOn,
    },
  }),
  planAdopted: (country: string, adoptedOn: string, targetCountries = ['TH']): Ev<'ActionPlanAdopted'> => ({
    type: 'ActionPlanAdopted',
    data: { country, title: `${country} MRS action plan`, targetCountries, adoptedOn },
  }),
  itemAdded: (country: string, itemId: string, dueOn: string): Ev<'ActionPlanItemAdded'> => ({
    type: 'ActionPlanItemAdded',
    data: { country, itemId, kind: 'TRAIN_ASSESSORS', description: `item ${itemId}`, dueOn },
  }),
  progressReported: (country: string, itemId: string, reportedOn: string, progress: 'IN_PROGRESS' | 'DONE'): Ev<'ActionPlanProgressReported'> => ({
    type: 'ActionPlanProgressReported',
    data: { country, itemId, progress, note: `report of ${reportedOn}`, reportedOn },
  }),
};
