// "Run a pod": the Pod `kubectl run NAME --image=IMAGE [--port=PORT] [-- ARGS...]` creates, built as kubectl's
// createPod does (kubectl pkg/cmd/run/run.go): label `run: NAME`, one container named like the pod, the words after
// `--` as its args (not its command), the port as a bare containerPort, dnsPolicy ClusterFirst, restartPolicy Always.
import { ApiRequestError } from '../cluster/apiRequest';
import { collectionPath, isLabel, writeQuery } from '../dryRun/dryRunRequest';
import { isSuccess, type ObjectTransport } from './objectTransport';

export interface RunInput {
  name: string;
  image: string;
  /** The words after `--`, as typed (split like a shell would, quotes kept together). */
  args?: string;
  port?: string;
}

const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/** The API server's message for a pod name it refuses, or undefined. */
export function podNameProblem(name: string): string | undefined {
  if (name.length === 0) return 'a name is required';
  if (name.length > 253) return 'must be no more than 253 characters';
  if (!DNS1123_SUBDOMAIN.test(name)) {
    return 'a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, \'-\' or \'.\', and must start and end with an alphanumeric character (e.g. \'example.com\')';
  }
  // kubectl run names the container after the pod, and a container name is a DNS-1123 label.
  if (!isLabel(name)) return 'the container is named after the pod, and a container name must be a lowercase RFC 1123 label (no \'.\', at most 63 characters)';
  return undefined;
}

export function imageProblem(image: string): string | undefined {
  if (image.trim() === '') return 'an image is required';
  return /\s/.test(image.trim()) ? 'an image reference contains no spaces' : undefined;
}

/** kubectl run's check: `--port` must be a number from 1 to 65535. */
export function portProblem(port: string): string | undefined {
  if (port.trim() === '') return undefined;
  const n = Number(port.trim());
  return /^\d+$/.test(port.trim()) && n >= 1 && n <= 65535 ? undefined : 'a port is a number from 1 to 65535';
}

/** Shell-like words: spaces separate, single and double quotes group, a backslash escapes the next character. */
export function splitWords(text: string): string[] {
  const words: string[] = [];
  let word: string | undefined;
  let quote: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === quote) quote = undefined;
      else if (c === '\\' && quote === '"' && i + 1 < text.length) word += text[++i];
      else word += c;
    } else if (c === '"' || c === '\'') {
      quote = c;
      word ??= '';
    } else if (c === '\\' && i + 1 < text.length) {
      word = (word ?? '') + text[++i];
    } else if (/\s/.test(c)) {
      if (word !== undefined) words.push(word);
      word = undefined;
    } else {
      word = (word ?? '') + c;
    }
  }
  if (word !== undefined) words.push(word);
  return words;
}

export function runPodObject(input: RunInput): Record<string, unknown> {
  const args = splitWords(input.args ?? '');
  const port = input.port?.trim();
  const container: Record<string, unknown> = { name: input.name, image: input.image.trim(), resources: {} };
  if (args.length > 0) container.args = args;
  if (port) container.ports = [{ containerPort: Number(port) }];
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: input.name, labels: { run: input.name } },
    spec: { containers: [container], dnsPolicy: 'ClusterFirst', restartPolicy: 'Always' },
  };
}

/** Creates the pod in `namespace`; the API server's refusal (AlreadyExists, Forbidden, Invalid) is thrown as its Status. */
export async function runPod(transport: ObjectTransport, namespace: string, input: RunInput): Promise<void> {
  const path = `${collectionPath('v1', 'pods', namespace)}?${writeQuery('create', { dryRun: false })}`;
  const response = await transport.request('POST', path, JSON.stringify(runPodObject(input)), 'application/json');
  if (!isSuccess(response)) throw ApiRequestError.from(response);
}
