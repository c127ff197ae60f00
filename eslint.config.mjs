import eslint from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', '**/*.js', '**/*.mjs', 'eventstore/**/generated/**'] },
  eslint.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    // The domain is plain TypeScript: no framework, no storage, no I/O, no clock (STYLE.md, principle 1).
    files: ['libs/domain/src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@nestjs/*', 'class-validator', 'class-transformer', 'reflect-metadata', 'rxjs'],
              message: 'libs/domain is framework-free: keep Nest and validation at the edge (apps/registry).',
            },
            {
              group: ['better-sqlite3', '@eventstore/*', '@grpc/*', '@registry/event-store', '@registry/event-store/*', '@registry/projections', '@registry/projections/*'],
              message: 'libs/domain knows no storage: facts arrive in the command, records in timelines.',
            },
            {
              group: ['fastify', '@fastify/*', 'mercurius', 'graphql', 'graphql-*', 'pino'],
              message: 'libs/domain knows no transport or logging.',
            },
            {
              group: ['node:*', 'fs', 'path', 'os', 'crypto', 'child_process', 'worker_threads', 'net', 'http', 'https', 'timers'],
              message: 'libs/domain does no I/O: no Node built-ins.',
            },
            {
              group: ['**/apps/**', '**/event-store/**', '**/projections/**', '**/scripts/**', '**/bench/**'],
              message: 'libs/domain depends on nothing else in the repository.',
            },
          ],
        },
      ],
    },
  },
);
