/** Two tiers: unit specs beside the code (no services) and integration specs against real services. */
const moduleNameMapper = {
  '^@tr/(domain|optimizer|io|validator|samples|config|persistence|jobs)$': '<rootDir>/libs/$1/src',
  '^@tr/(domain|optimizer|io|validator|samples|config|persistence|jobs)/(.*)$': '<rootDir>/libs/$1/src/$2',
};
const transform = { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json', diagnostics: false }] };
const common = {
  rootDir: __dirname,
  testEnvironment: 'node',
  moduleNameMapper,
  transform,
  moduleFileExtensions: ['ts', 'js', 'json'],
};

module.exports = {
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs,bench}/**/*.spec.ts'] },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/{apps,libs,test}/**/*.integration-spec.ts'],
    },
  ],
};
