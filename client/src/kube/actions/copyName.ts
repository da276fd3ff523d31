// What "Copy Name" puts on the clipboard: the pod's name, or `namespace/name` when asked for the qualified form.
import type { PodTarget } from '../pod/targets';

export function podNameText(target: Pick<PodTarget, 'namespace' | 'name'>, qualified = false): string {
  return qualified ? `${target.namespace}/${target.name}` : target.name;
}
