export { DEFAULT_LIMITS, type Limits, loadLimits } from './limits-config';
export { registerLimits } from './register-limits';
