// Help text. Kept beside the argument parser so the two change together.
export const USAGE = `Usage: podscope <command> [options]

Commands:
  lint [--format text|json|sarif] [--config FILE] [--max-file-size SIZE] PATH...
        Check Kubernetes manifests. PATH is a file or a directory (searched
        recursively for *.yaml and *.yml). A file that cannot be read, is not
        a regular file (a FIFO, a device) or is larger than --max-file-size
        (default 16MB; e.g. 512KB, 100MB) gets one error and the others are
        still checked. Exit status: 0 no errors, 1 errors found, 2 usage or
        configuration error.
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
