export * from './env.dto';
export * from './load-config';
