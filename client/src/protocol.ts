// The custom messages between this client and the kinesis-lint language server (server/src/lsp). The client
// cannot import the server's project, so the method names and payload shapes are repeated here; keep them in
// step with the server.
import { NotificationType, RequestType } from 'vscode-languageclient/node';

/** The workspace total, sent by the server after every analysis (server/src/lsp/render/summary.ts). */
export interface CostSummary {
  /** The exact total or its lower bound; null when no total can be given (e.g. an unknown instance count). */
  totalMonthlyUsd: number | null;
  /** Exact (a number), a lower bound (`{ atLeast }`: "+ usage"), or unknown (null). Absent from older servers. */
  monthlyCost?: number | { atLeast: number } | null;
  /** Some figure is not exact: a load nobody declared or a value that cannot be resolved. */
  partial: boolean;
  streams: number;
  /** What is missing, in words: "shard count, readers, load" ('' or absent when nothing). */
  missing?: string;
  unknowns?: { resource: string | null; what: string; why: string }[];
}

export interface CostReport extends CostSummary {
  markdown: string;
}

export interface StreamBreakdownParams {
  /** The document the stream is declared in, as a URI string. */
  uri: string;
  /** The resource address, e.g. aws_kinesis_stream.events. */
  resource: string;
}

export interface MarkdownResult {
  markdown: string;
}

// No parameters: `{}` on the wire.
export const costReportRequest = new RequestType<Record<string, never>, CostReport, void>('kinesisLint/costReport');

export const streamBreakdownRequest = new RequestType<StreamBreakdownParams, MarkdownResult, void>(
  'kinesisLint/streamBreakdown',
);

export const costSummaryNotification = new NotificationType<CostSummary>('kinesisLint/costSummary');

/** The streams whose block holds `position` in `uri` (the breakdown command at the cursor). */
export interface StreamAtParams {
  uri: string;
  position: { line: number; character: number };
}

export const streamAtRequest = new RequestType<StreamAtParams, MarkdownResult & { resources: string[] }, void>(
  'kinesisLint/streamBreakdown',
);

/** A price table the server prices some root modules with (server/src/lsp/serverLog.ts PriceTableInUse). */
export interface PriceTableInUse {
  /** "built-in list prices", "price cache", or the file's name. */
  label: string;
  /** YYYY-MM-DD or YYYY-MM. */
  date: string;
  file: string | null;
  modules: number;
}

/** Sent when the set of price tables in use changes. */
export const priceTablesNotification = new NotificationType<{ tables: PriceTableInUse[] }>('kinesisLint/priceTables');

export interface WorkspaceFixAllResult {
  /** The editor accepted the edit (false also when there was nothing to fix). */
  applied: boolean;
  fixes: number;
  /** URIs of the files edited, and of those left out because they changed since the analysis. */
  files: string[];
  stale: string[];
}

// No parameters: `{}` on the wire. The server applies the edit itself through workspace/applyEdit.
export const fixAllInWorkspaceRequest = new RequestType<Record<string, never>, WorkspaceFixAllResult, void>('kinesisLint/fixAllInWorkspace');
