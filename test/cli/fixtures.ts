// Manifests shared by the CLI tests. CLEAN must stay free of findings under every rule.
export const CLEAN = `apiVersion: v1
kind: Pod
metadata:
  name: clean
spec:
  containers:
  - name: app
    image: nginx:1.27
    resources:
      requests: {cpu: 100m, memory: 64Mi}
`;

/** One manifest per rule family, each with a finding of a known code at a known place (0-based line). */
export const FAMILIES = {
  syntax: { code: 'yaml-syntax', path: '', line: 4, text: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: [unclosed\nspec: {}\n' },
  schema: { code: 'unknown-field', path: 'spec.containers[0].imagePolicy', line: 8, text: CLEAN.replace('    image: nginx:1.27\n', '    image: nginx:1.27\n    imagePolicy: Always\n') },
  api: { code: 'image-required', path: 'spec.containers[0].image', line: 6, text: CLEAN.replace('    image: nginx:1.27\n', '') },
  runtime: { code: 'image-latest-pull-policy', path: 'spec.containers[0].image', line: 7, text: CLEAN.replace('    image: nginx:1.27\n', '    image: nginx:latest\n    imagePullPolicy: IfNotPresent\n') },
} as const;
