export { commandHashOf, scopedCommandId } from './command-hash';
export type { CommandDraft, DraftOf } from './command-draft';
export type { CommandOutcome } from './command-outcome';
export { CommandPipelineModule } from './command-pipeline.module';
export { CommandPipelineHandler, MAX_ATTEMPTS } from './command-pipeline.handler';
export type { EventMetadata } from './event-metadata';
export { ExecuteRegistryCommand, type CommandEnvelope } from './execute-registry-command';
export { CommandBatchHandler } from './command-batch.handler';
export { ExecuteCommandBatch, type BatchItem, type BatchItemOutcome, type BatchOutcome } from './execute-command-batch';
