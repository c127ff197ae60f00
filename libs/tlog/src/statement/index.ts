export * from './recognition-statement';
export * from './verify-statement';
