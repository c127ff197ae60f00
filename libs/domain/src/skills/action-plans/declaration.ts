import { declareAggregate } from '../../aggregate';
import { actionPlanStream } from '../../streams';
import type { ActionPlanCommand } from './commands';
import { actionPlanDecider, type ActionPlanState } from './decider';
import { isActionPlanEvent, type ActionPlanEvent } from './events';

const SFP = ['SKILLS_FOCAL_POINT'] as const;

export const actionPlanAggregate = declareAggregate<ActionPlanCommand, ActionPlanState, ActionPlanEvent>({
  stream: ({ country }) => actionPlanStream(country),
  decider: actionPlanDecider,
  isEvent: isActionPlanEvent,
  commands: {
    AdoptActionPlan: { roles: SFP },
    AmendActionPlanTargets: { roles: SFP },
    AddActionPlanItem: { roles: SFP },
    ReportActionPlanProgress: { roles: SFP },
  },
});
