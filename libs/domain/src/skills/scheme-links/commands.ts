import type { SchemeTimeline } from '../../schemes/timeline';
import type { Actor } from '../../shared/actor';
import type { CalendarDate } from '../../shared/calendar-date';
import type { NationalQualificationTimeline } from '../qualifications/timeline';

/** Loads schemelink-<schemeCode>. Facts: scheme-<schemeCode>, and qualification-<qualificationId> when one is
 * named, each folded into its timeline (null when empty). */
export type LinkSchemeToQualification = {
  type: 'LinkSchemeToQualification';
  data: { schemeCode: string; qualificationId?: string | null; aqrfLevel?: number | null; linkedOn: CalendarDate };
  actor: Actor;
  facts: { scheme: SchemeTimeline | null; qualification: NationalQualificationTimeline | null };
};

export type SchemeLinkCommand = LinkSchemeToQualification;
