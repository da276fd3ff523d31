// Field paths as Kubernetes prints them: `spec.containers[1].ports[0].name`, `resources.limits[cpu]`.
export type PathSeg = string | number | { key: string };
export type FieldPath = readonly PathSeg[];

export function formatPath(path: FieldPath): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else if (typeof seg === 'string') out += out === '' ? seg : `.${seg}`;
    else out += `[${seg.key}]`;
  }
  return out;
}

export function child(path: FieldPath, ...segs: PathSeg[]): PathSeg[] {
  return [...path, ...segs];
}
