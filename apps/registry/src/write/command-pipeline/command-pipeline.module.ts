import { type DynamicModule, Module } from '@nestjs/common';
import { CLOCK, type Clock } from '../../clock';
import { CommandBatchHandler } from './command-batch.handler';
import { CommandPipelineHandler } from './command-pipeline.handler';

/**
 * The handlers of the CommandBus: every registry command, each mutation's and the first administrator key's,
 * is an ExecuteRegistryCommand on the bus and goes through its handler; a bulk import's commands travel together
 * as an ExecuteCommandBatch, decided one by one the same way and appended together. Needs EVENT_STORE and the app's CqrsModule (global:
 * its CommandBus finds the handler by its @CommandHandler when the app boots).
 */
@Module({})
export class CommandPipelineModule {
  /** Without a clock, the pipeline uses the app's (ClockModule). */
  static register(clock?: Clock): DynamicModule {
    return {
      module: CommandPipelineModule,
      providers: [CommandPipelineHandler, CommandBatchHandler, ...(clock ? [{ provide: CLOCK, useValue: clock }] : [])],
    };
  }
}
