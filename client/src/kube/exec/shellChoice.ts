// Which command an exec terminal starts. The setting wins; otherwise the pod's OS decides, and the fallback between
// shells happens inside the container in the same exec call, so picking a shell costs no extra round trip.
import type { V1Pod } from '@kubernetes/client-node';

export type PodOs = 'linux' | 'windows';

const OS_LABEL = 'kubernetes.io/os';

/**
 * The OS the pod runs on, from what the pod itself says (spec.os.name, then its nodeSelector), then the node's
 * `kubernetes.io/os` label when the caller could read it; Linux when nothing says otherwise.
 */
export function podOs(pod: V1Pod, nodeLabels?: Record<string, string>): PodOs {
  const stated = pod.spec?.os?.name ?? pod.spec?.nodeSelector?.[OS_LABEL] ?? nodeLabels?.[OS_LABEL];
  return stated?.toLowerCase() === 'windows' ? 'windows' : 'linux';
}

/** True when the pod names its OS itself, so reading the node is not needed. */
export function podStatesOs(pod: V1Pod): boolean {
  return pod.spec?.os?.name !== undefined || pod.spec?.nodeSelector?.[OS_LABEL] !== undefined;
}

/** bash when the image has it, else sh: decided by the container's own sh, in one exec. */
const POSIX_SHELL = ['/bin/sh', '-c', 'if command -v bash >/dev/null 2>&1; then exec bash; else exec sh; fi'];

/**
 * PowerShell when present, else cmd, decided by cmd in one exec. `if errorlevel` rather than `&& … ||`, so a
 * PowerShell session that ends with an error does not fall through into a second shell.
 */
const WINDOWS_SHELL = ['cmd.exe', '/S', '/C', 'where /Q powershell.exe & if errorlevel 1 (cmd.exe) else (powershell.exe -NoLogo)'];

/**
 * The exec command: `setting` (podscope.shell) split on whitespace when set, else the OS default.
 * A setting like `bash -l` becomes ['bash', '-l'].
 */
export function shellCommand(setting: string | undefined, os: PodOs): string[] {
  const custom = setting?.trim();
  if (custom) return custom.split(/\s+/);
  return [...(os === 'windows' ? WINDOWS_SHELL : POSIX_SHELL)];
}
