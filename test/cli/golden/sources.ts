// What the golden output covers: every file of the shared real-world corpus, generated benchmark
// manifests (pods and workloads, some with mistakes) and the 200-pod multi-document file. Each source
// is named as the golden file names it.
import { generateManifests } from '../../bench/generateManifests';
import { generatePods } from '../../bench/generatePods';
import { corpusFiles, corpusSkipReason, readCorpusFile } from '../../corpus';

export interface GoldenSource { name: string; text: string }

export const GOLDEN_FILE = `${__dirname}/lint-golden.jsonl`;

/** Generated inputs: always there, reproducible by seed. */
export function generatedSources(): GoldenSource[] {
  return [
    ...generateManifests(300, 1).map((m) => ({ name: `generated/${m.name}`, text: m.text })),
    { name: 'generated/pods-200.yaml', text: generatePods(200).text },
  ];
}

/** The shared corpus, or [] when it is not beside the project (corpusSkipReason() says why). */
export function corpusSources(): GoldenSource[] {
  if (corpusSkipReason()) return [];
  return corpusFiles().map((f) => ({ name: `corpus/${f.file}`, text: readCorpusFile(f.file) }));
}
