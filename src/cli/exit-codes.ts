// The command's exit codes (shared/CONTRACT.md), as --help lists them.

/** The exit codes of a pipeline run, for --help. */
export const EXIT_CODES = `Exit codes:
  0  every article processed
  1  the run itself failed (bad config, missing input, an output folder inside the input, another run
     writing the output folder, unwritable output) and nothing was written
  2  the run finished but some articles were rejected (each listed on stderr and in the manifest)
  3  --check only: the output folder is stale`;
