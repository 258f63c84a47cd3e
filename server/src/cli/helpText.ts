// The --help text. Kept beside the parser's option list so both change together.
import type { ToolInfo } from './toolInfo';

export function helpText(tool: ToolInfo): string {
  return `${tool.name} ${tool.version}
Checks AWS Kinesis Data Streams in Terraform and estimates their monthly cost.

Usage: kinesis-lint [options] [PATH...]
       kinesis-lint prices update [--out FILE]   (the only command that uses the network)
       kinesis-lint prices show [--region R]     (see kinesis-lint prices --help)
       kinesis-lint diff [PATH...] --base REF | --compare-to FILE
                                                 (cost and findings against a base; see
                                                 kinesis-lint diff --help)

PATH is a directory (walked recursively, skipping .terraform, node_modules and hidden
folders; every directory with .tf, .tf.json, .tofu or .tofu.json files is a module), or
such a file or a .tfvars/.tfvars.json file (its directory's module, analysed once however
many of its files are named, as pre-commit passes them).
Default: the current directory.

Options:
  --format FORMAT             output format (default: text): text, json, sarif (GitHub
                              code scanning), github (workflow-command annotations),
                              gitlab (Code Quality report), junit (JUnit XML test report;
                              a test case fails when a finding reaches --fail-on)
  --config FILE               use FILE instead of looking for .kinesis-lint.json
  --region REGION             region assumed when the aws provider sets none
  --metrics FILE              the metrics snapshot (kinesis-lint metrics pull), or the raw
                              output of aws cloudwatch get-metric-data, whose observed
                              traffic is the load of streams that declare no rate
                              (default: the config's metrics.file, else
                              .kinesis-lint/metrics.json in the module's folder or a
                              parent; docs/metrics.md)
  --var NAME=VALUE            set a root module variable, as terraform -var (repeatable)
  --var-file FILE             read root module variables from FILE (.tfvars, or JSON
                              if FILE ends in .json), as terraform -var-file (repeatable);
                              --var and --var-file apply in the order given, after
                              TF_VAR_NAME variables, terraform.tfvars and *.auto.tfvars
                              (docs/inputs.md); -var and -var-file are accepted too
  --plan FILE                 read a Terraform plan (terraform show -json PLAN > FILE);
                              PATH, if given, is its configuration directory, where
                              findings are placed (else in FILE)
  --fail-on error|warning|info|never
                              lowest severity that makes the exit code 1 (default: error);
                              hints never fail the run
  --fix                       apply the quick-fixes in place, then report what remains
  --no-cost                   omit the cost estimates (findings are unchanged)
  --untrusted                 read nothing outside the PATHs (by real path: no module
                              source, symbolic link, price table or var file leading
                              out), except the files named on the command line; for
                              code you do not trust, e.g. a pull request in CI
  --jobs N                    analyse module directories in N worker threads (1: in the
                              main thread); default: with 3 cores or more, one per core,
                              at most 8 and one per 4 module directories, else 1; the
                              report is the same whatever N
  --cache                     reuse the results of root modules whose files are unchanged
                              (by content: .tf, tfvars, config, price table, module
                              manifest, directory listings) from a cache file; the tool
                              version, price tables, --config, --region, --var, --var-file
                              and TF_VAR_NAME values are part of its key; a corrupt or
                              foreign cache file is ignored with a warning; never with --fix
  --cache-location PATH       the cache file (default: .kinesis-lint-cache), or a directory
                              (existing, or PATH ends in /) that holds
                              .kinesis-lint-cache_<hash of the current directory>
  --verbose                   print each finding's detail (arithmetic, advice) under it
  --version                   print the version and exit
  -h, --help                  print this help and exit

Exit codes: 0 no finding reaches --fail-on, 1 at least one does,
2 usage error, unreadable path, invalid --config file, missing --metrics file, unusable
--plan file, or a --var,
--var-file or TF_VAR_NAME value Terraform would reject.
`;
}
