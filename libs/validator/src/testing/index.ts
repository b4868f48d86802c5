/** Test builders for snapshots and plans, for any suite: `import { … } from '@tr/validator/testing'`. */
export * from './snapshot-factory';
export * from './small-county';
