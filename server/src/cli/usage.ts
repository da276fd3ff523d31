// Help text. Kept beside the argument parser so the two change together.
export const USAGE = `Usage: podscope <command> [options]

Commands:
  lint [--format text|json|sarif] [--config FILE] [--jobs N] PATH...
        Check Kubernetes manifests. PATH is a file or a directory (searched
        recursively for *.yaml and *.yml). --jobs: worker threads (default:
        one per core for large runs; 1: none). Exit status: 0 no errors,
        1 errors found, 2 usage, configuration or I/O error.
  rules [--format text|markdown|json]
        List every rule code with its default severity.
  lsp --stdio
        Run the language server over stdin/stdout.

Options:
  -h, --help      Show this help
  -v, --version   Print the version

Config file (--config): YAML or JSON, e.g.
  rules:
    resources-missing: off
    image-latest-pull-policy: error
`;
