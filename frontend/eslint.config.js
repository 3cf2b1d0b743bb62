import { readdirSync } from 'node:fs';
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Feature folders must not import each other (bulletproof-react): shared code lives
// in src/lib, src/config or src/gql, and composition happens in src/app.
const features = readdirSync(new URL('./src/features', import.meta.url), { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name);

const featureBoundaries = features.map((feature) => ({
  files: [`src/features/${feature}/**/*.{ts,tsx}`],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          {
            group: ['@/app', '@/app/*', '@/graphiql', '@/graphiql/*'],
            message: 'Features must not depend on the app layer.',
          },
          ...features
            .filter((other) => other !== feature)
            .map((other) => ({
              group: [`@/features/${other}`, `@/features/${other}/*`, `**/features/${other}`, `**/features/${other}/*`],
              message: 'Features must not import other features; compose them in src/app instead.',
            })),
        ],
      },
    ],
  },
}));

// Shared code flows one way: src/lib, src/components and src/config are used by features and
// the app, and never import them (nor the separate GraphiQL page).
const sharedBoundary = {
  files: ['src/lib/**/*.{ts,tsx}', 'src/components/**/*.{ts,tsx}', 'src/config/**/*.{ts,tsx}'],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          {
            group: ['@/features', '@/features/*', '**/features', '**/features/*', '@/app', '@/app/*', '**/app/*', '@/graphiql', '@/graphiql/*'],
            message: 'src/lib, src/components and src/config are shared code: they must not import features or the app.',
          },
        ],
      },
    ],
  },
};

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'e2e-artifacts', 'src/gql'] },
  js.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    extends: [reactHooks.configs.flat['recommended-latest']],
    languageOptions: {
      globals: globals.browser,
    },
  },
  {
    files: ['**/*.{js,mjs}', 'vite.config.ts', 'codegen.ts', 'vite-plugins/**/*.ts'],
    languageOptions: {
      globals: globals.node,
    },
  },
  {
    // e2e scripts run in Node but pass callbacks that execute inside the page.
    files: ['e2e/**/*.{js,mjs}'],
    languageOptions: {
      globals: { ...globals.node, ...globals.browser },
    },
  },
  ...featureBoundaries,
  sharedBoundary,
);
