import type { ActionPlanCommand } from './action-plans/commands';
import type { ActionPlanEvent } from './action-plans/events';
import type { NationalFrameworkCommand } from './frameworks/commands';
import type { NationalFrameworkEvent } from './frameworks/events';
import type { PriorityOccupationCommand } from './priority-occupations/commands';
import type { PriorityOccupationEvent } from './priority-occupations/events';
import type { NationalQualificationCommand } from './qualifications/commands';
import type { NationalQualificationEvent } from './qualifications/events';
import type { SchemeLinkCommand } from './scheme-links/commands';
import type { SchemeLinkEvent } from './scheme-links/events';

/** The commands and events of the mutual-recognition-of-skills context, joined into the registry's unions. */
export type SkillsCommand =
  | NationalFrameworkCommand
  | NationalQualificationCommand
  | SchemeLinkCommand
  | PriorityOccupationCommand
  | ActionPlanCommand;

export type SkillsEvent = NationalFrameworkEvent | NationalQualificationEvent | SchemeLinkEvent | PriorityOccupationEvent | ActionPlanEvent;
