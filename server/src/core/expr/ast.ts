// Syntax tree of HCL native expressions and templates (the subset Terraform configurations use).

export type BinaryOp = '||' | '&&' | '==' | '!=' | '<' | '<=' | '>' | '>=' | '+' | '-' | '*' | '/' | '%';

/** One step after a root name or an expression: `.name`, `[expr]`, legacy `.0`. */
export type StepNode = { kind: 'attr'; name: string } | { kind: 'index'; key: Node };

export type Node =
  | { kind: 'literal'; value: null | boolean | number | string }
  | { kind: 'template'; parts: TemplatePart[] }
  /** A root name with the attribute/index steps that follow it statically: var.x, each.key, aws_x.y[0].arn. */
  | { kind: 'scope'; root: string; steps: StepNode[] }
  /** Steps applied to a computed value, e.g. `f(x).a` or `(x)[0]`. */
  | { kind: 'traverse'; target: Node; steps: StepNode[] }
  /** `target[*].a[0]` (full splat: `each` may index) or `target.*.a` (attribute-only splat). */
  | { kind: 'splat'; target: Node; each: StepNode[] }
  | { kind: 'call'; name: string; args: Node[]; expandLast: boolean }
  | { kind: 'unary'; op: '-' | '!'; operand: Node }
  | { kind: 'binary'; op: BinaryOp; left: Node; right: Node }
  | { kind: 'conditional'; cond: Node; then: Node; else: Node }
  | { kind: 'tuple'; items: Node[] }
  | { kind: 'object'; items: { key: Node; value: Node }[] }
  | ForNode;

/** `[for k, v in coll : value if cond]` or `{for k, v in coll : key => value... if cond}`. */
export interface ForNode {
  kind: 'for';
  keyVar: string | undefined;
  valueVar: string;
  collection: Node;
  /** Present for the object form. */
  keyExpr: Node | undefined;
  valueExpr: Node;
  cond: Node | undefined;
  /** `...` after the value in the object form: values with the same key are grouped into lists. */
  group: boolean;
}

export type TemplatePart =
  | { kind: 'text'; text: string }
  | { kind: 'interp'; expr: Node }
  | { kind: 'if'; cond: Node; then: TemplatePart[]; else: TemplatePart[] }
  | { kind: 'for'; keyVar: string | undefined; valueVar: string; collection: Node; body: TemplatePart[] };
