import type { YAMLMap } from 'yaml';
import { k8s } from '../../k8sErrors';
import type { PathSeg } from '../../path';
import { mapItems, type ContainerRef, type Item } from '../../podModel';
import type { PodContext, PodRule } from '../../rule';
import { asMap, getNode } from '../../yamlNodes';
import { boolField, requiredString, stringField } from './fields';
import { podExamples } from '../../exampleManifests';

const DOCS = 'https://kubernetes.io/docs/concepts/storage/volumes/#using-subpath';

// ValidateVolumeMounts, per container: a name that matches a pod volume, a mountPath that is set
// and unique within the container, relative subPath/subPathExpr without '..', and the
// propagation and recursiveReadOnly combinations the server allows. Several paths have no mount
// index because the server builds them from the volumeMounts list path (subPath, subPathExpr,
// mountPropagation, recursiveReadOnly); we keep the server's paths and point at the exact node.
// A mount of a volume that exists but is itself invalid is not re-reported as "Not found".
export const volumeMountInvalid: PodRule = {
  code: 'volume-mount-invalid',
  severity: 'error',
  category: 'api',
  scope: 'pod',
  description: 'A volumeMount names an undeclared volume, repeats or omits a mountPath, or has an invalid subPath, propagation or read-only setting.',
  remediation: 'Mount only volumes the pod declares, each at its own absolute mountPath, with a relative subPath without \'..\'.',
  examples: podExamples({ container: `
      volumeMounts:
      - name: cache
        mountPath: /var/cache/nginx` }, { container: `
      volumeMounts:
      - name: cache
        mountPath: /var/cache/nginx`, spec: `
      volumes:
      - name: cache
        emptyDir: {}` }),
  docUrl: DOCS,
  check(ctx) {
    const volumes = declaredVolumes(ctx);
    for (const c of ctx.containers) {
      const mountPaths = new Set<string>();
      for (const m of mapItems(c.node, 'volumeMounts', c.path, ctx.doc)) checkMount(ctx, c, m, volumes, mountPaths);
    }
  },
};

/**
 * Pod volumes, plus for a StatefulSet its volumeClaimTemplates: ValidateStatefulSetSpec adds a
 * volume per claim template to the template it validates.
 */
function declaredVolumes(ctx: PodContext): Set<string> {
  const names = mapItems(ctx.spec, 'volumes', ctx.pod.specPath, ctx.doc).map((v) => stringField(v.node, 'name', ctx.doc)?.value ?? '');
  if (ctx.object.kind === 'StatefulSet') {
    const spec = asMap(getNode(ctx.object.root, 'spec', ctx.doc), ctx.doc);
    for (const t of mapItems(spec, 'volumeClaimTemplates', ['spec'], ctx.doc)) {
      names.push(stringField(asMap(getNode(t.node, 'metadata', ctx.doc), ctx.doc), 'name', ctx.doc)?.value ?? '');
    }
  }
  return new Set(names);
}

function checkMount(ctx: PodContext, c: ContainerRef, m: Item, volumes: Set<string>, mountPaths: Set<string>): void {
  const listPath: PathSeg[] = [...c.path, 'volumeMounts'];
  const name = requiredString(m.node, 'name', ctx.doc);
  if (name.kind === 'missing') ctx.report({ ...name.target, path: [...m.path, 'name'], message: k8s.required() });
  else if (name.kind === 'set' && !volumes.has(name.field.value)) ctx.report({ node: name.field.node, path: [...m.path, 'name'], message: k8s.notFound(name.field.value) });
  const mountPath = requiredString(m.node, 'mountPath', ctx.doc);
  if (mountPath.kind === 'missing') ctx.report({ ...mountPath.target, path: [...m.path, 'mountPath'], message: k8s.required() });
  else if (mountPath.kind === 'set') {
    const value = mountPath.field.value;
    if (mountPaths.has(value)) ctx.report({ node: mountPath.field.node, path: [...m.path, 'mountPath'], message: k8s.invalid(value, 'must be unique') });
    mountPaths.add(value);
  }
  const subPath = stringField(m.node, 'subPath', ctx.doc);
  if (subPath && subPath.value !== '') checkDescendingPath(ctx, subPath, [...listPath, 'subPath']);
  const subPathExpr = stringField(m.node, 'subPathExpr', ctx.doc);
  if (subPathExpr && subPathExpr.value !== '') {
    if (subPath && subPath.value !== '') ctx.report({ node: subPathExpr.node, path: [...m.path, 'subPathExpr'], message: k8s.invalid(subPathExpr.value, 'subPathExpr and subPath are mutually exclusive') });
    checkDescendingPath(ctx, subPathExpr, [...listPath, 'subPathExpr']);
  }
  checkPropagation(ctx, c, m.node, listPath);
}

/** validateLocalDescendingPath: relative, and no ".." element. */
function checkDescendingPath(ctx: PodContext, f: NonNullable<ReturnType<typeof stringField>>, path: PathSeg[]): void {
  if (f.value.startsWith('/')) ctx.report({ node: f.node, path, message: k8s.invalid(f.value, 'must be a relative path') });
  if (f.value.split('/').includes('..')) ctx.report({ node: f.node, path, message: k8s.invalid(f.value, "must not contain '..'") });
}

function checkPropagation(ctx: PodContext, c: ContainerRef, mount: YAMLMap, listPath: PathSeg[]): void {
  const propagation = stringField(mount, 'mountPropagation', ctx.doc);
  if (propagation?.value === 'Bidirectional' && !privileged(ctx, c.node)) {
    ctx.report({ node: propagation.node, path: [...listPath, 'mountPropagation'], message: k8s.forbidden('Bidirectional mount propagation is available only to privileged containers') });
  }
  const rro = stringField(mount, 'recursiveReadOnly', ctx.doc);
  if (rro?.value !== 'Enabled' && rro?.value !== 'IfPossible') return;
  const path = [...listPath, 'recursiveReadOnly'];
  if (boolField(mount, 'readOnly', ctx.doc)?.value !== true) ctx.report({ node: rro.node, path, message: k8s.forbidden('may only be specified when readOnly is true') });
  if (propagation && propagation.value !== 'None') ctx.report({ node: rro.node, path, message: k8s.forbidden('may only be specified when mountPropagation is None or not specified') });
}

function privileged(ctx: PodContext, container: YAMLMap): boolean {
  return boolField(asMap(getNode(container, 'securityContext', ctx.doc), ctx.doc), 'privileged', ctx.doc)?.value === true;
}
