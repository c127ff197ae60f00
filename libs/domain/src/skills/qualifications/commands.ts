import type { Actor } from '../../shared/actor';
import type { NationalFrameworkTimeline } from '../frameworks/timeline';

/** Loads qualification-<id>. Facts: nqf-<country> folded into its timeline (null when empty). */
export type RegisterNationalQualification = {
  type: 'RegisterNationalQualification';
  data: { id: string; country: string; title: string; occupation: string; sector: string; nqfLevel: number; awardingBody: string };
  actor: Actor;
  facts: { framework: NationalFrameworkTimeline | null };
};

export type NationalQualificationCommand = RegisterNationalQualification;
