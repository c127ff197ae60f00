import { type DynamicModule, Module } from '@nestjs/common';
import { CLOCK, type Clock } from '../../clock';
import { CommandPipelineHandler } from './command-pipeline.handler';

/**
 * The one handler of the CommandBus: every registry command, each mutation's and the first administrator key's,
 * is an ExecuteRegistryCommand on the bus and goes through it. Needs EVENT_STORE and the app's CqrsModule (global:
 * its CommandBus finds the handler by its @CommandHandler when the app boots).
 */
@Module({})
export class CommandPipelineModule {
  /** Without a clock, the pipeline uses the app's (ClockModule). */
  static register(clock?: Clock): DynamicModule {
    return {
      module: CommandPipelineModule,
      providers: [CommandPipelineHandler, ...(clock ? [{ provide: CLOCK, useValue: clock }] : [])],
    };
  }
}
