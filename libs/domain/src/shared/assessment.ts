import type { ReasonCode } from '../recognition-rule/reason-codes';
import type { EventRef } from './event-ref';

/** One condition of the recognition rule checked on a date: what failed, and the records looked at. */
export type Assessment<Code extends ReasonCode = ReasonCode> = {
  failures: { code: Code; message: string }[];
  evidence: EventRef[];
};
