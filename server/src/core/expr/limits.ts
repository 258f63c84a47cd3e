// Safety limits: hostile or accidental input must not exhaust the stack, memory or the language server's time.

/** Nesting past this is refused (→ Unknown). Real configurations nest a handful of levels, and hcl2json itself fails
 *  from ~2,000 levels (reference/parsing.md §1 "Robustness"), so 200 is far from both. */
export const MAX_DEPTH = 200;

/** Expression nodes evaluated per top-level call. Evaluation is synchronous, so this bounds how long one expression
 *  holds the language server's event loop (docs/limits.md "Evaluation"); a loop over `range(1024)` with a short body
 *  stays inside, loops nested two deep over more than about a hundred elements each give Unknown instead of stalling. */
export const EVAL_BUDGET = 50_000;

/** Terraform's own cap on range() results (cty stdlib RangeFunc: "more than 1024 values were generated"). */
export const RANGE_LIMIT = 1024;

/** Elements one value may hold, counted through nested collections (a list shared twice counts twice, as any use
 *  that walks it would). Real configurations hold hundreds; `concat(local.x, local.x)` doubled 24 times made
 *  16 million (854 MB) with only 24 expression nodes, which EVAL_BUDGET cannot see. */
export const MAX_VALUE_ELEMENTS = 100_000;

/** Characters (UTF-16 units) one string, or all the strings of one value, may hold: 1 Mi. A source file is at most
 *  4 MiB, and no argument kinesis-lint reads needs a string near this. */
export const MAX_VALUE_CHARS = 1024 * 1024;

/** What all the values built in one analysis may add up to: ten values at the limits above. Past it every further
 *  value built (by a function, template, for expression or constructor) is Unknown. */
export const ANALYSIS_ELEMENTS = 1_000_000;
/** Expression nodes all the evaluations of one analysis may take (each has EVAL_BUDGET of its own besides): every
 *  local and variable is evaluated on its own, so a chain of them would otherwise multiply the budget. */
export const ANALYSIS_NODES = 1_000_000;
export const ANALYSIS_CHARS = 16 * 1024 * 1024;
