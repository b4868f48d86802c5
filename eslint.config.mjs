import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'examples/**', 'coverage/**', 'scratch/**', 'jest.config.js'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': ['error', { patterns: ['../../libs/*', '**/libs/*/src/*'] }],
    },
  },
  {
    // The domain, optimizer and validator stay plain TypeScript: no framework, no database.
    files: ['libs/domain/**/*.ts', 'libs/optimizer/**/*.ts', 'libs/validator/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['@nestjs/*', 'typeorm', 'pg', 'bullmq', 'ioredis'] }],
    },
  },
);
