import { Module } from '@nestjs/common';
import { DiskHealth } from './disk.health';
import { HEALTH_COMPONENTS } from './health-component';
import { HealthController } from './health.controller';
import { LogHealth } from './log.health';
import { ReadModelsHealth } from './read-models.health';
import { TransparencyLogHealth } from './transparency-log.health';
import { NotificationsHealth } from '../notify/notifications.health';

/** /health. A new component is one more provider here and in the list. */
@Module({
  controllers: [HealthController],
  providers: [
    LogHealth,
    TransparencyLogHealth,
    ReadModelsHealth,
    DiskHealth,
    NotificationsHealth,
    {
      provide: HEALTH_COMPONENTS,
      useFactory: (store: LogHealth, log: TransparencyLogHealth, readModels: ReadModelsHealth, disk: DiskHealth, notifications: NotificationsHealth) =>
        log.present ? [store, log, readModels, notifications, disk] : [store, readModels, notifications, disk],
      inject: [LogHealth, TransparencyLogHealth, ReadModelsHealth, DiskHealth, NotificationsHealth],
    },
  ],
})
export class HealthModule {}
