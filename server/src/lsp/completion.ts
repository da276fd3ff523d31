// Completion of field names (those valid at the cursor's path and not yet present) and of enum
// values, documented from the schema of the Kubernetes version the document is checked against. Documents that are not Kubernetes objects of
// a kind the schema knows get nothing, so the YAML extension's own completion stands alone there.
import { CompletionItemKind, InsertTextFormat, MarkupKind, type CompletionItem, type Range } from 'vscode-languageserver/node';
import { typeLabel, type Schema, type SchemaField, type SchemaType } from '../engine';
import type { Analysis } from './analysis';
import { cursorContext, type CursorContext } from './cursorContext';

export function completionsAt(analysis: Analysis, schema: Schema, line: number, character: number): CompletionItem[] {
  const ctx = cursorContext(analysis, line, character);
  if (!ctx) return [];
  const range: Range = { start: { line, character: ctx.startCharacter }, end: { line, character: ctx.endCharacter } };
  if (ctx.on === 'value') return valueItems(schema, ctx, range);
  // `- Al|` under a list of strings parses as a new map key; the list's items decide.
  return fieldItems(schema, ctx, range) ?? valueItems(schema, { ...ctx, on: 'value' }, range);
}

/** Undefined when the cursor's map is not an object of the schema (e.g. an item of a list of strings). */
function fieldItems(schema: Schema, ctx: CursorContext, range: Range): CompletionItem[] | undefined {
  if (!ctx.kind || !schema.rootTypeFor(ctx.kind)) return [];
  const parent = schema.resolvePath(ctx.kind, ctx.path);
  if (!parent) return [];
  if (!parent.objectType) return undefined;
  // Nobody writes an object's status by hand; the API server ignores it on create.
  const atRoot = ctx.path.length === 0;
  return parent.objectType.fields
    .filter((f) => !ctx.existingKeys.has(f.name) && !(atRoot && f.name === 'status'))
    .map((f): CompletionItem => ({
      label: f.name,
      kind: CompletionItemKind.Property,
      detail: typeLabel(f),
      documentation: fieldDoc(f),
      // Required fields first, then alphabetical.
      sortText: `${f.required ? '0' : '1'}${f.name}`,
      filterText: f.name,
      insertTextFormat: InsertTextFormat.Snippet,
      textEdit: { range, newText: ctx.keyHasValue ? f.name : fieldSnippet(f) },
    }));
}

/** `name: `, or a block opener whose next line VS Code indents relative to the field. */
function fieldSnippet(f: SchemaField): string {
  if (f.kind === 'object' || f.kind === 'map') return `${f.name}:\n  $0`;
  if (f.kind === 'array') return `${f.name}:\n- $0`;
  return `${f.name}: $0`;
}

function valueItems(schema: Schema, ctx: CursorContext, range: Range): CompletionItem[] {
  const values = valuesFor(schema, ctx);
  return values.map((v, i): CompletionItem => ({
    label: v.label,
    kind: CompletionItemKind.EnumMember,
    ...(v.detail ? { detail: v.detail } : {}),
    sortText: String(i).padStart(4, '0'),
    textEdit: { range, newText: v.label },
  }));
}

interface Value { label: string; detail?: string }

function valuesFor(schema: Schema, ctx: CursorContext): Value[] {
  if (ctx.path.length === 1 && ctx.path[0] === 'kind') {
    return schema.kinds().map((k) => ({ label: k, detail: schema.servedApiVersion(k) }));
  }
  if (!ctx.kind) return [];
  if (ctx.path.length === 1 && ctx.path[0] === 'apiVersion') {
    const v = schema.servedApiVersion(ctx.kind);
    return v ? [{ label: v, detail: `served for ${ctx.kind} by Kubernetes ${schema.version}` }] : [];
  }
  const resolved = schema.resolvePath(ctx.kind, ctx.path);
  return resolved ? scalarValues(resolved.type) : [];
}

function scalarValues(t: SchemaType): Value[] {
  if (t.enum) return t.enum.map((label) => ({ label }));
  if (t.kind === 'boolean') return [{ label: 'true' }, { label: 'false' }];
  return [];
}

function fieldDoc(f: SchemaField): { kind: 'markdown'; value: string } {
  const head = `\`${f.name}\`: ${typeLabel(f)}${f.required ? ' (required)' : ''}`;
  const values = f.enum ? `\n\nValues: ${f.enum.map((v) => `\`${v}\``).join(', ')}` : '';
  return { kind: MarkupKind.Markdown, value: `${head}\n\n${f.description}${values}` };
}
