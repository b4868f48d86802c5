/** @tr/samples: seeded, deterministic sample counties for tests, benchmarks and demos. */
export { generateCounty, DEFAULT_SEED, SAMPLE_YEAR } from './generate-county';
export { PRESETS, assertValidPreset, type PresetName, type PresetSpec, type CountySpec } from './presets';
export { curriculumPlan } from './curriculum-plan';
export { isValidNationalId, makeNationalId, nationalIdCheckChar } from './national-id';
export { summarizeSample, type SampleSummary } from './sample-summary';
export { sampleProblems, type SampleProblem, type SampleRule } from './sample-invariants';
export { Rng } from './random';
