import { type DynamicModule, Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { CLOCK, type Clock } from '../../clock';
import { CommandPipelineHandler } from './command-pipeline.handler';

/** The CommandBus with the one handler every registry command goes through. Needs EVENT_STORE. */
@Module({})
export class CommandPipelineModule {
  /** Without a clock, the pipeline uses the app's (ClockModule). */
  static register(clock?: Clock): DynamicModule {
    return {
      module: CommandPipelineModule,
      imports: [CqrsModule.forRoot()],
      providers: [CommandPipelineHandler, ...(clock ? [{ provide: CLOCK, useValue: clock }] : [])],
      // The handler is exported for start-up work that runs before the bus has its handlers (the first key).
      exports: [CommandPipelineHandler],
    };
  }
}
