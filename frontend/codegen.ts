import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Generates typed documents for every `graphql(...)` call under src/ from the
 * server's SDL. `CODEGEN_OUT` lets `npm run codegen:check` generate into a temp dir.
 */
const out = process.env.CODEGEN_OUT ?? './src/gql/';

const config: CodegenConfig = {
  schema: '../schema.graphql',
  documents: ['src/**/*.{ts,tsx}', '!src/gql/**/*'],
  ignoreNoDocuments: false,
  generates: {
    [out.endsWith('/') ? out : `${out}/`]: {
      preset: 'client',
      presetConfig: {
        fragmentMasking: { unmaskFunctionName: 'getFragmentData' },
      },
      config: {
        documentMode: 'string',
        useTypeImports: true,
        enumsAsTypes: true,
        skipTypename: true,
        scalars: {},
      },
    },
  },
};

export default config;
