import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'output/', 'corpus/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    // The seam: rendering sees only the BriefModel, never the corpus or the analysis.
    files: ['src/render/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/corpus/**', '**/analysis/**', '**/brief/**'],
              message: 'src/render may only depend on the BriefModel (src/model).',
            },
          ],
        },
      ],
    },
  },
  {
    // Analysis never looks at templates or layout.
    files: ['src/corpus/**', 'src/analysis/**', 'src/brief/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/render/**', '**/cli/**'],
              message: 'Pipeline stages do not depend on rendering or the CLI.',
            },
          ],
        },
      ],
    },
  },
);
