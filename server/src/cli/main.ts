// `podscope` CLI entry. Filled in by the CLI work.
process.stderr.write('podscope: not implemented yet\n');
process.exit(2);
