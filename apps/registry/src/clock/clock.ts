import { type DynamicModule, Global, Injectable, Module } from '@nestjs/common';
import { calendarDateOf, type CalendarDate } from '@registry/domain';

/** The application's only source of "now" for what it records and answers: `recordedAt` on the write side, "today"
 * for queries and pages without a date, the log's checkpoint times. Tests provide a fixed one under CLOCK. Durations
 * (deadlines, latencies, how recent a health notice is) and the times of operational notices read the machine's. */
export interface Clock {
  now(): Date;
}

export const CLOCK = Symbol('CLOCK');

@Injectable()
export class SystemClock implements Clock {
  now(): Date {
    return new Date();
  }
}

/** Today in UTC, by the clock. */
export function todayBy(clock: Clock): CalendarDate {
  return calendarDateOf(clock.now());
}

/** CLOCK for the whole app: the system's, or the one a test fixes (a module may still provide its own, as the
 * pipeline's tests do). */
@Global()
@Module({})
export class ClockModule {
  static register(clock: Clock = new SystemClock()): DynamicModule {
    return { module: ClockModule, providers: [{ provide: CLOCK, useValue: clock }], exports: [CLOCK] };
  }
}
