// Safety limits: hostile or accidental input must not exhaust the stack, memory or the language server's time.

/** Nesting past this is refused (→ Unknown). Real configurations nest a handful of levels, and hcl2json itself fails
 *  from ~2,000 levels (reference/parsing.md §1 "Robustness"), so 200 is far from both. */
export const MAX_DEPTH = 200;

/** Expression nodes evaluated per top-level call. Loops over `range(1024)` nested twice stay well inside; deeper
 *  nesting gives Unknown instead of stalling the editor. */
export const EVAL_BUDGET = 2_000_000;

/** Terraform's own cap on range() results (cty stdlib RangeFunc: "more than 1024 values were generated"). */
export const RANGE_LIMIT = 1024;
