// ASEAN mutual recognition of skills: national frameworks and their AQRF referencing, national qualifications,
// scheme links, priority occupations, action plans, and the comparability answer. Pure, like the rest.
export * from './asean';

export * from './frameworks/events';
export * from './frameworks/commands';
export { nationalFrameworkAggregate } from './frameworks/declaration';
export { nationalFrameworkDecider, type NationalFrameworkState, type ReferencingStatus } from './frameworks/decider';
export * from './frameworks/timeline';

export * from './qualifications/events';
export * from './qualifications/commands';
export { nationalQualificationAggregate } from './qualifications/declaration';
export { nationalQualificationDecider, type NationalQualificationState } from './qualifications/decider';
export * from './qualifications/timeline';

export * from './scheme-links/events';
export * from './scheme-links/commands';
export { schemeLinkAggregate } from './scheme-links/declaration';
export { schemeLinkDecider, type SchemeLinkState } from './scheme-links/decider';
export * from './scheme-links/timeline';

export * from './priority-occupations/events';
export * from './priority-occupations/commands';
export { priorityOccupationAggregate } from './priority-occupations/declaration';
export { priorityOccupationDecider, type PriorityOccupationState } from './priority-occupations/decider';
export * from './priority-occupations/timeline';

export * from './action-plans/events';
export * from './action-plans/commands';
export { actionPlanAggregate } from './action-plans/declaration';
export { actionPlanDecider, type ActionPlanState } from './action-plans/decider';
export * from './action-plans/timeline';
export * from './action-plans/monitoring';
export * from './action-plans/overdue-facts';
export * from './action-plans/overdue-alerts';

export * from './comparability/answer';
export * from './comparability/evaluate-comparability';
export * from './skills-command';
