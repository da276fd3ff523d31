// The exact layer of the language server: the API server's verdicts for the documents of a file,
// computed in a worker per Kubernetes version and cached per YAML chunk, so an edit sends only the
// edited document through the module and the others keep their verdicts.
import type { Finding, ParsedFile } from '../engine';
import { ExactService, type ModuleState } from '../exact/exactService';
import type { VersionChoice } from '../exact/modules';
import { exactTargets, targetFindings, validatedDocuments } from '../exact/targets';
import type { PodscopeSettings } from '../shared/protocol';
import { shiftRange, type Analysis } from './analysis';
import type { KubernetesVersions } from './kubernetesVersion';

interface ChunkVerdict {
  key: string;
  /** Chunk-relative findings (lines and document indexes of the chunk alone). */
  list: Finding[];
  /** Chunk-relative indexes of the documents the module validated. */
  validated: number[];
}

export interface ExactResult {
  choice: VersionChoice;
  state: ModuleState | 'off';
  /** File-level findings; undefined when the module gave no answer (the engine answers alone). */
  findings?: Finding[];
  /** File-level indexes of the documents the module validated. */
  validated?: Set<number>;
}

export class ExactLayer {
  /** Keyed by the chunk's parse, which the analyzer reuses while the chunk's text is unchanged. */
  private readonly byChunk = new WeakMap<ParsedFile, ChunkVerdict>();

  constructor(private readonly service: ExactService, private readonly versions: KubernetesVersions) {}

  choose(settings: PodscopeSettings): VersionChoice {
    return this.versions.exact(settings);
  }

  /**
   * Findings already known for the chunks of this analysis under these settings, without waiting:
   * an edit to one document keeps the other documents' verdicts on screen while it is re-checked.
   */
  cached(analysis: Analysis, settings: PodscopeSettings): { findings: Finding[]; validated: Set<number>; complete: boolean } | undefined {
    const key = this.keyFor(settings);
    if (!key) return undefined;
    const findings: Finding[] = [];
    const validated = new Set<number>();
    let complete = true;
    for (const chunk of analysis.chunks) {
      const v = this.byChunk.get(chunk.parsed);
      if (!v || v.key !== key) {
        complete = false;
        continue;
      }
      findings.push(...v.list.map((f) => place(f, chunk.line, chunk.documentBase)));
      for (const d of v.validated) validated.add(d + chunk.documentBase);
    }
    return { findings, validated, complete };
  }

  async check(analysis: Analysis, settings: PodscopeSettings): Promise<ExactResult> {
    const choice = this.choose(settings);
    const module = choice.module;
    if (!settings.exact.enable || !module) return { choice, state: 'off' };
    const gates = settings.exact.featureGates;
    const key = this.keyFor(settings)!;
    const todo = analysis.chunks.filter((c) => this.byChunk.get(c.parsed)?.key !== key);
    const targets = todo.map((c) => exactTargets(c.parsed));
    const verdicts = await this.service.validate(module, gates, targets.flat().map((t) => t.object));
    if (!verdicts) return { choice, state: this.service.state(module, gates) ?? 'failed' };
    let next = 0;
    todo.forEach((chunk, i) => {
      const mine = verdicts.slice(next, next + targets[i]!.length);
      next += targets[i]!.length;
      this.byChunk.set(chunk.parsed, { key, list: targetFindings(chunk.parsed, targets[i]!, mine), validated: validatedDocuments(targets[i]!, mine) });
    });
    const known = this.cached(analysis, settings)!;
    return { choice, state: 'ready', findings: known.findings, validated: known.validated };
  }

  warm(settings: PodscopeSettings): void {
    const module = this.choose(settings).module;
    if (settings.exact.enable && module) this.service.warm(module, settings.exact.featureGates);
  }

  private keyFor(settings: PodscopeSettings): string | undefined {
    const module = this.choose(settings).module;
    if (!settings.exact.enable || !module) return undefined;
    return `${module.file}\u0000${JSON.stringify(Object.entries(settings.exact.featureGates).sort())}`;
  }
}

function place(f: Finding, lines: number, documentBase: number): Finding {
  if (lines === 0 && documentBase === 0) return f;
  return { ...f, document: f.document + documentBase, range: shiftRange(f.range, lines) };
}
