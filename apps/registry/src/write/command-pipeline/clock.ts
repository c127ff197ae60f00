import { Injectable } from '@nestjs/common';

/** The application's only source of "now"; tests provide a fixed one under CLOCK. */
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
