// Reads and checks a user's price table. Problems point into the table file itself.
import { MAX_PRICE_TABLE_BYTES, type Host } from '../types';
import { parseJsonDocument } from '../json/positions';
import { PriceTable, validatePriceTable } from '../pricing/priceTable';
import type { ConfigProblem } from './config';

export type PriceTableFile =
  | { status: 'ok'; table: PriceTable }
  | { status: 'missing'; problem?: string }
  | { status: 'invalid'; problems: ConfigProblem[] };

export async function loadPriceTableFile(file: string, host: Host): Promise<PriceTableFile> {
  const text = await host.readFile(file, MAX_PRICE_TABLE_BYTES);
  if (text === undefined) return { status: 'missing', problem: host.readProblem?.(file) };
  const parsed = parseJsonDocument(text);
  if (!parsed.ok) return { status: 'invalid', problems: [{ file, range: parsed.range, message: parsed.message, jsonSyntax: true }] };
  const { doc } = parsed;
  const result = validatePriceTable(doc.value, (p, part) => doc.rangeOf(p, part));
  if (result.ok) return { status: 'ok', table: result.table };
  return { status: 'invalid', problems: result.errors.map((e) => ({ file, range: e.range, message: e.message })) };
}
