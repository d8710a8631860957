// Lint is also our architecture test: @nx/enforce-module-boundaries keeps each bounded
// context to itself plus scope:shared, and keeps domain code free of frameworks and I/O.
import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';

const frameworkAndIo = ['@nestjs/*', 'pg', 'pg-*', 'typeorm', 'kafkajs', 'express'];

export default [
  { ignores: ['**/node_modules/**', '**/dist/**', '.nx/**', 'deploy/kafka/.cache/**', 'bench/results/**', '**/*.js', '**/*.mjs'] },
  ...tseslint.configs.recommended,
  { plugins: { '@nx': nx } },
  {
    files: ['**/*.ts'],
    languageOptions: { parser: tseslint.parser },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          banTransitiveDependencies: false,
          depConstraints: [
            { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
            { sourceTag: 'scope:profiles', onlyDependOnLibsWithTags: ['scope:profiles', 'scope:shared'] },
            { sourceTag: 'scope:career', onlyDependOnLibsWithTags: ['scope:career', 'scope:shared'] },
            { sourceTag: 'scope:gateway', onlyDependOnLibsWithTags: ['scope:gateway', 'scope:shared'] },
            { sourceTag: 'scope:test', onlyDependOnLibsWithTags: ['*'] },
            { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:api', 'type:application', 'type:infrastructure', 'type:domain', 'type:contracts', 'type:util'] },
            { sourceTag: 'type:api', onlyDependOnLibsWithTags: ['type:infrastructure', 'type:application', 'type:domain', 'type:contracts', 'type:util'] },
            { sourceTag: 'type:infrastructure', onlyDependOnLibsWithTags: ['type:infrastructure', 'type:application', 'type:domain', 'type:contracts', 'type:util'] },
            { sourceTag: 'type:application', onlyDependOnLibsWithTags: ['type:domain', 'type:contracts', 'type:util'] },
            {
              sourceTag: 'type:domain',
              onlyDependOnLibsWithTags: ['type:domain', 'type:contracts', 'type:util'],
              bannedExternalImports: frameworkAndIo,
            },
            { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: ['type:contracts', 'type:util'], bannedExternalImports: frameworkAndIo },
          ],
        },
      ],
    },
  },
];
