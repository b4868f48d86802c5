export * from './rule-codes';
export * from './violation';
export * from './validate-plan';
export * from './check-metrics';
