// What a rule is. A rule is data (code, severity, docs, why, remediation, bad and good examples)
// plus one check function; the registry runs it on every object (scope 'object') or every pod spec
// (scope 'pod') of a document.
import type { Document, Node, Pair, YAMLMap } from 'yaml';
import type { K8sObject, PodLocation } from './k8sObject';
import type { ParsedDocument, ParsedFile } from './parse';
import type { Schema } from './schema/schema';
import type { FieldPath } from './path';
import type { ContainerRef } from './podModel';
import type { Fix, RuleCategory, RuleExamples, Severity } from './types';

export interface Report {
  /** Node whose source range the finding points at: a value node, or a Pair. */
  node: Node | Pair | null | undefined;
  /** For a Pair: point at its key (unknown field, duplicate key) or its value (default). */
  on?: 'key' | 'value';
  path: FieldPath;
  message: string;
  fixes?: Fix[];
  /** Overrides the rule's default severity for this one finding (e.g. info vs warning). */
  severity?: Severity;
}

export interface ObjectContext {
  file: ParsedFile;
  document: ParsedDocument;
  doc: Document.Parsed;
  object: K8sObject;
  /** The schema of the Kubernetes version the document is checked against. */
  schema: Schema;
  report(r: Report): void;
  /** Builds a fix that replaces the node's source text. */
  replaceFix(title: string, node: Node | null | undefined, newText: string): Fix | undefined;
}

export interface PodContext extends ObjectContext {
  pod: PodLocation;
  /** All containers (init, app, ephemeral) in declaration order, computed once per pod. */
  containers: ContainerRef[];
  spec: YAMLMap;
}

interface RuleBase {
  /** Stable, kebab-case; users key severity settings on it. */
  code: string;
  severity: Severity;
  category: RuleCategory;
  /** One line, ending with a period. */
  description: string;
  /** What goes wrong when the finding is ignored, where the description alone does not say. */
  why?: string;
  /** One sentence, ending with a period: what the user should change. */
  remediation: string;
  /** Complete manifests: `bad` raises this code, `good` (the fix applied) raises nothing. */
  examples: RuleExamples;
  /** Where the behaviour is documented (Kubernetes docs or source). */
  docUrl: string;
}

export interface ObjectRule extends RuleBase {
  scope: 'object';
  /** Also runs on objects of kinds the engine does not otherwise check (a ConfigMap, a `kind: Pods` typo). */
  anyKind?: boolean;
  check(ctx: ObjectContext): void;
}

export interface PodRule extends RuleBase {
  scope: 'pod';
  check(ctx: PodContext): void;
}

export type Rule = ObjectRule | PodRule;
