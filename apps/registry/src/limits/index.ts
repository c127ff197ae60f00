export { DEFAULT_LIMITS, type Limits, loadLimits } from './limits-config';
export { registerLimits } from './register-limits';
export { chargeLookups, isKeyedRequest, LOOKUPS_PER_REQUEST, type LookupCharge } from './lookup-allowance';
export { refuseOnPagesWith, type PageRefusals, type Refusal } from './limit-response';
