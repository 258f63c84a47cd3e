// `kinesis-lint diff --help`.
import type { ToolInfo } from '../toolInfo';

export function diffHelpText(tool: ToolInfo): string {
  return `${tool.name} ${tool.version}
Compares the Kinesis streams of the working tree with a base: monthly cost before → after, what drove the
change, findings introduced and fixed (docs/diff.md).

Usage: kinesis-lint diff [options] [PATH...] --base REF
       kinesis-lint diff [options] [PATH...] --compare-to FILE

  --base REF                  a git revision (main, origin/main, HEAD~1, a tag, a commit id): the
                              module files under PATH as committed at REF, read from the
                              repository's objects (no git process is started); .kinesis-lint.json
                              and price tables are today's on both sides, so the change is the
                              Terraform's, not a price update's
  --compare-to FILE           a report saved earlier by 'kinesis-lint --format json' from the same
                              working directory and PATHs (paths in it are relative to that)
  --format text|json|markdown|github
                              text (default); json (docs/diff-json.md); markdown for a pull-request
                              comment; github: workflow-command annotations
  --fail-on error|warning|info|never
                              lowest severity of a NEW finding that makes the exit code 1
                              (default: error)
  --fail-on-increase USD      exit 1 when the known monthly increase is larger than USD (a lower
                              bound counts by its known part; an unknown change never fails it)
  --region, --config, --var, --var-file, --untrusted
                              as for the lint run (kinesis-lint --help), the same for both sides
  --no-color                  no colours in the text format (NO_COLOR works too)
  -h, --help                  print this help and exit

Exit codes: 0; 1 a new finding reaches --fail-on, or the increase exceeds --fail-on-increase;
2 usage error, unknown revision, not a repository, unusable --compare-to file.
`;
}
