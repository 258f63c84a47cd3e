// The three questions of "kinesis-lint: Declare load for this stream…" and the check of each answer, as plain
// data (no vscode import, so test/client/declareLoadInputs.test.ts runs without VS Code). The server checks the
// values again against the annotation's bounds (core/fixes/declareLoad.ts) and says why it refuses one.

export type LoadKey = 'write_mib_per_sec' | 'records_per_sec' | 'consumers';

export interface LoadQuestion {
  key: LoadKey;
  prompt: string;
  placeHolder: string;
  integer: boolean;
}

export const LOAD_QUESTIONS: readonly LoadQuestion[] = [
  { key: 'write_mib_per_sec', prompt: 'Peak write rate of this stream, in MiB/s (write_mib_per_sec)', placeHolder: 'e.g. 3 or 0.5', integer: false },
  { key: 'records_per_sec', prompt: 'Peak records written per second (records_per_sec)', placeHolder: 'e.g. 2500', integer: false },
  { key: 'consumers', prompt: 'Standard readers Terraform does not show, e.g. applications (consumers; 0 if none)', placeHolder: 'e.g. 2', integer: true },
];

/** The number the annotation will hold, as the annotation parser reads numbers (no sign, no units, no commas). */
const NUMBER = /^(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** An error message for the input box, or undefined when `text` is a valid answer. */
export function loadInputProblem(question: LoadQuestion, text: string): string | undefined {
  const t = text.trim();
  if (t === '') return 'Enter a number (0 if none).';
  if (!NUMBER.test(t)) return 'Enter a plain number ≥ 0, such as 2.5 (no units, signs or thousands separators).';
  const n = Number(t);
  if (!Number.isFinite(n)) return 'That number is too large.';
  if (question.integer && !Number.isInteger(n)) return 'Enter a whole number.';
  return undefined;
}

/** The answers as the request sends them, or undefined when one is invalid (or missing). */
export function loadFromAnswers(answers: Partial<Record<LoadKey, string>>): Record<LoadKey, number> | undefined {
  const load: Partial<Record<LoadKey, number>> = {};
  for (const q of LOAD_QUESTIONS) {
    const text = answers[q.key];
    if (text === undefined || loadInputProblem(q, text) !== undefined) return undefined;
    load[q.key] = Number(text.trim());
  }
  return load as Record<LoadKey, number>;
}
