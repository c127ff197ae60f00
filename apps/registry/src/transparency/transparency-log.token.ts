/** Injection token for the running TransparencyLog (libs/tlog), opened before Nest starts. */
export const TRANSPARENCY_LOG = Symbol('TRANSPARENCY_LOG');
