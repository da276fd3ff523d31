// Help text. Kept beside the argument parser so the two change together.
export const USAGE = `Usage: podscope <command> [options]

Commands:
  lint [--format text|json|sarif] [--config FILE] [--max-file-size SIZE] [--jobs N]
       [--kubernetes-version auto|1.N] [--feature-gates Name=true,...] [--no-exact] PATH...
        Check Kubernetes manifests. PATH is a file or a directory (searched
        recursively for *.yaml and *.yml). A file that cannot be read, is not
        a regular file (a FIFO, a device) or is larger than --max-file-size
        (default 16MB; e.g. 512KB, 100MB) gets one error and the others are
        still checked. --jobs: worker threads (default: one per core for large
        runs; 1: none). Exit status: 0 no errors, 1 errors found, 2 usage or
        configuration error.
        Beside Podscope's rules, kube-apiserver's own validation of the chosen
        version runs (auto: the newest bundled); --no-exact turns it off. The
        schema rules check against the same version (auto with --no-exact: 1.36).
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
