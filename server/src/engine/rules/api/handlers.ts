// Where probe and lifecycle handlers live on a container, and which containers the API server
// validates them for: app containers and restartable init containers (sidecars). Plain init
// containers get Forbidden for setting them at all; ephemeral containers likewise.
import type { ContainerRef } from '../../podModel';

export interface HandlerOwner {
  key: 'livenessProbe' | 'readinessProbe' | 'startupProbe' | 'lifecycle';
  /** Sub-fields holding a handler; `undefined` means the owner itself is the handler (probes). */
  handlers: readonly (string | undefined)[];
}

export const PROBE_KEYS = ['livenessProbe', 'readinessProbe', 'startupProbe'] as const;

export const HANDLER_OWNERS: readonly HandlerOwner[] = [
  ...PROBE_KEYS.map((key) => ({ key, handlers: [undefined] })),
  { key: 'lifecycle', handlers: ['postStart', 'preStop'] },
];

/** The handler fields in the order validateHandler checks them; probes cannot `sleep`, lifecycle hooks cannot `grpc`. */
export const PROBE_HANDLER_TYPES = ['exec', 'httpGet', 'tcpSocket', 'grpc'] as const;
export const LIFECYCLE_HANDLER_TYPES = ['exec', 'httpGet', 'tcpSocket', 'sleep'] as const;

export function validatesHandlers(c: ContainerRef): boolean {
  return c.group === 'containers' || c.isSidecar;
}
