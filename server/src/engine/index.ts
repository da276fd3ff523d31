// Public surface of the engine for the LSP server, the CLI and tests.
export { validateText, validateParsed, documentCount, type ValidateOptions } from './validate';
export { parseFile, atLine, type ParsedFile, type ParsedDocument } from './parse';
export { splitDocuments, type Chunk } from './documentSplit';
export { tooLargeFinding, FILE_TOO_LARGE } from './sizeLimit';
export { invariantViolations } from './findingInvariants';
export { MAX_NESTING } from './nestingGuard';
export { defaultRegistry } from './rules';
export { RuleRegistry } from './registry';
export type { Finding, Severity, SeveritySetting, RuleSettings, Range, Position, Fix, TextEdit, RuleExamples } from './types';
export type { Rule } from './rule';
export {
  Schema, schemaFor, defaultSchema, SCHEMA_VERSIONS, DEFAULT_SCHEMA_VERSION, displayName, typeLabel,
  type ValueKind, type SchemaType, type SchemaField, type ObjectType, type ResolvedPath,
} from './schema/schema';
export { chooseSchemaVersion } from './schema/versionChoice';
export { minorOf } from './schema/minor';
export { ENGINE_CODES, EXACT_CODES, INTERNAL_ERROR, type CodeInfo } from './coreCodes';
export { k8sObjectOf, podLocation, POD_SPEC_PATHS, type K8sObject, type PodLocation } from './k8sObject';
export { containersOf, mapItems, type ContainerRef, type ContainerGroup } from './podModel';
export { rangeAt, positionAt } from './parse';
export { formatPath, type PathSeg, type FieldPath } from './path';
export * as yamlNodes from './yamlNodes';
export { parseFieldPath, rangeOfFieldPath, type FieldSegment, type SourceRange } from './fieldPathRange';
export { ruleCatalog, type RuleInfo } from './ruleCatalog';
export { firstLineEnd } from './lines';
export { parseQuantity, type Quantity } from './validation/quantity';
