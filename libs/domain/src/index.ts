// The public surface of the domain library. Everything here is pure: no framework, clock, store or I/O.

// Shared kernel
export * from './shared/calendar-date';
export * from './shared/countries';
export * from './shared/actor';
export * from './shared/event-ref';
export * from './shared/decider';
export * from './shared/json';
export * from './shared/rule-codes';
export * from './shared/rule-violation';
export * from './shared/statements';
export * from './shared/assessment';
export * from './shared/dated';
export * from './shared/schema-versions';
export * from './upcasting';
export * from './shared/fold-timeline';

// Streams, the registry-wide unions, permissions
export * from './streams';
export * from './registry-event';
export * from './registry-command';
export * from './registry';
export * from './permissions';
export * from './aggregate';
export * from './facts';

// Schemes
export * from './schemes/events';
export * from './schemes/commands';
export { schemeAggregate } from './schemes/declaration';
export { schemeDecider, type SchemeState } from './schemes/decider';
export * from './schemes/timeline';

// Certification bodies
export * from './certification-bodies/events';
export * from './certification-bodies/commands';
export { certificationBodyAggregate } from './certification-bodies/declaration';
export { certificationBodyDecider, type CertificationBodyState, type Accreditation } from './certification-bodies/decider';
export * from './certification-bodies/timeline';
export * from './certification-bodies/standing';

// Certificates
export * from './certificates/events';
export * from './certificates/commands';
export { certificateAggregate } from './certificates/declaration';
export { certificateDecider, type CertificateState, type Certificate } from './certificates/decider';
export * from './certificates/timeline';
export * from './certificates/standing';

// Arrangements
export * from './arrangements/events';
export * from './arrangements/commands';
export { arrangementAggregate } from './arrangements/declaration';
export { arrangementDecider, type ArrangementState, type Arrangement } from './arrangements/decider';
export * from './arrangements/timeline';
export * from './arrangements/standing';

// Recognition decisions
export * from './recognition-decisions/events';
export * from './recognition-decisions/commands';
export { recognitionDecisionAggregate } from './recognition-decisions/declaration';
export { recognitionDecider, type RecognitionState } from './recognition-decisions/decider';
export * from './recognition-decisions/timeline';
export * from './recognition-decisions/refusal-reasons';

// API keys
export * from './api-keys/events';
export * from './api-keys/commands';
export { apiKeyAggregate } from './api-keys/declaration';
export { apiKeyDecider, type ApiKeyState } from './api-keys/decider';
export * from './api-keys/timeline';

// The recognition rule
export * from './recognition-rule/reason-codes';
export * from './recognition-rule/conditions';
export * from './recognition-rule/answer';
export * from './recognition-rule/evaluate-recognition';
export * from './recognition-rule/recognized-countries';
export { decisionDueBy } from './recognition-rule/pending-application';

// Certificate-number prefixes
export * from './number-prefixes/events';
export * from './number-prefixes/commands';
export * from './number-prefixes/number-prefix';
export { numberPrefixDecider, type NumberPrefixState } from './number-prefixes/decider';

// Witnesses of the log
export * from './witnesses/events';
export * from './witnesses/commands';
export { witnessAggregate } from './witnesses/declaration';
export { witnessDecider, type WitnessState } from './witnesses/decider';
// Watches: who is told when answers change
export * from './watches/events';
export * from './watches/commands';
export * from './watches/webhook-url';
export * from './watches/timeline';
export * from './watches/watch-matches';
export { watchDecider, type WatchState, WATCH_CERTIFICATES_MAX } from './watches/decider';
export { watchAggregate } from './watches/declaration';

// ASEAN mutual recognition of skills
export * from './skills';

// Record time: answers as the registry knew them at an instant
export * from './record-time/known-facts';
export * from './record-time/corrections';
export * from './record-time/log-clock';

// Facts derived from the log: which answers of the recognition rule changed, and when
export * from './recognition-changes/derived-facts';
export * from './recognition-changes/recognition-world';
export * from './recognition-changes/recognition-changes';
export * from './recognition-changes/impact';
