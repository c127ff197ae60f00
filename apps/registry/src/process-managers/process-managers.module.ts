import { Inject, Module, type OnModuleDestroy } from '@nestjs/common';
import { type Config, REGISTRY_CONFIG } from '../config';
import { LogEventBridge } from './log-event-bridge';
import { ProcessManagerStore } from './process-manager-store';
import { SuspensionDeadlinesHandler } from './suspension-deadlines/suspension-deadlines.handler';
import { SuspensionDeadlinesScheduler } from './suspension-deadlines/suspension-deadlines.scheduler';

/**
 * Process managers: @nestjs/cqrs event handlers fed only by the log bridge (a subscription to the durable log
 * with a stored position), sending their commands through the CommandBus. Needs EVENT_STORE, REGISTRY_CONFIG,
 * CLOCK and the CqrsModule (from the write module).
 */
@Module({
  providers: [
    {
      provide: ProcessManagerStore,
      inject: [REGISTRY_CONFIG],
      useFactory: (config: Config) => new ProcessManagerStore(config.dataDir),
    },
    LogEventBridge,
    SuspensionDeadlinesHandler,
    SuspensionDeadlinesScheduler,
  ],
})
export class ProcessManagersModule implements OnModuleDestroy {
  constructor(@Inject(ProcessManagerStore) private readonly store: ProcessManagerStore) {}

  onModuleDestroy(): void {
    this.store.close();
  }
}
