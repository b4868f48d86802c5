export * from './subjects';
export * from './model';
export * from './policy';
export * from './localized';
export * from './snapshot-error';
export * from './plan';
