import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const SERVER_BOUNDARY = {
  regex: 'server/src/(?!engine$|shared/[^/]+$)',
  message: 'The client may import only server/src/engine (its index) and server/src/shared/*.',
};
const KUBECONFIG_IN_CLUSTER_ONLY = {
  name: '@kubernetes/client-node',
  importNames: ['KubeConfig'],
  message: 'Only client/src/kube/cluster/ touches the KubeConfig; ask its ClusterApi instead.',
};

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'out/**', '**/*.d.ts', 'server/src/engine/schema/generated/**', '.vscode-test/**', '.cache/**', 'test/e2e/workspace/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // The engine is text in, diagnostics out: it must never depend on the editor or the protocol.
    files: ['server/src/engine/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: ['vscode', 'vscode-*'] }] },
  },
  {
    // Dependencies point one way. The client bundles only the engine's public index and the shared module of server/src
    // (protocol types, the severity list); anything deeper would pull server internals into the extension. And only
    // cluster/ holds credentials: everything else asks a ClusterApi.
    files: ['client/src/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [SERVER_BOUNDARY], paths: [KUBECONFIG_IN_CLUSTER_ONLY] }] },
  },
  {
    files: ['client/src/kube/cluster/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [SERVER_BOUNDARY] }] },
  },
  {
    // The language server and the CLI are sibling shells over the engine: the LSP never imports the CLI.
    files: ['server/src/lsp/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ regex: '(^|/)cli(/|$)', message: 'lsp/ must not import cli/: what both need belongs in the engine or server/src/shared.' }],
      }],
    },
  },
);
