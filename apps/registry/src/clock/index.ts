export { CLOCK, ClockModule, SystemClock, todayBy, type Clock } from './clock';
