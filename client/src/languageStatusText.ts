// What the Language Status item (the {} beside the language mode of a Terraform file) says, as a pure function of
// the server state and the price tables it reports, so it is tested without VS Code (test/client/languageStatusText.test.ts).
import type { PriceTableInUse } from './protocol';

/** The server state the item shows: as the status bar's, plus a crash or failed start, and kinesisLint.enable = false. */
export type LanguageState = 'starting' | 'running' | 'stopped' | 'error' | 'disabled';

export interface LanguageStatusView {
  text: string;
  detail: string;
  severity: 'information' | 'warning' | 'error';
  busy: boolean;
  command: { title: string; command: string; arguments?: unknown[] };
}

export function pricesDetail(tables: readonly PriceTableInUse[] | undefined): string {
  if (tables === undefined || tables.length === 0) return 'price table: not known yet';
  const one = (t: PriceTableInUse) => `${t.label} of ${t.date}`;
  if (tables.length === 1) return `prices: ${one(tables[0])}`;
  return `prices: ${tables.map((t) => `${one(t)} (${t.modules} module${t.modules === 1 ? '' : 's'})`).join(', ')}`;
}

/** `deltaNote`: why the cost delta against kinesisLint.compareTo is off ('' when it is on or off by choice). */
export function languageStatusView(state: LanguageState, tables: readonly PriceTableInUse[] | undefined, deltaNote = ''): LanguageStatusView {
  const output = { title: 'Show Output', command: 'kinesisLint.showOutput' };
  switch (state) {
    case 'starting':
      return { text: 'kinesis-lint: starting', detail: '', severity: 'information', busy: true, command: output };
    case 'running':
      return { text: 'kinesis-lint', detail: deltaNote ? `${pricesDetail(tables)} · ${deltaNote}` : pricesDetail(tables), severity: 'information', busy: false, command: output };
    case 'stopped':
      return { text: 'kinesis-lint: stopped', detail: 'the language server is not running', severity: 'warning', busy: false, command: { title: 'Restart', command: 'kinesisLint.restartServer' } };
    case 'error':
      return { text: 'kinesis-lint: error', detail: 'the language server stopped unexpectedly; see the output', severity: 'error', busy: false, command: output };
    case 'disabled':
      return {
        text: 'kinesis-lint: disabled',
        detail: 'kinesisLint.enable is off',
        severity: 'information',
        busy: false,
        command: { title: 'Settings', command: 'workbench.action.openSettings', arguments: ['kinesisLint.enable'] },
      };
  }
}
