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
  /** The streams, most expensive first, unknown last (server/src/lsp/render/costReport.ts). Absent from older servers. */
  rows?: ReportStream[];
}

/** A place the report links to (0-based line and UTF-16 character). */
export interface ReportLink {
  uri: string;
  line: number;
  character: number;
  /** `main.tf:34`, or `infra/main.tf:34` in a multi-root workspace. */
  label: string;
}

export interface ReportStream {
  resource: string;
  at: ReportLink;
  cost: string;
  monthlyCost: number | { atLeast: number } | null;
  capacity: string;
  findings: { ruleId: string; severity: 'error' | 'warning' | 'info' | 'hint'; message: string; at: ReportLink }[];
  /** Markdown. */
  breakdown: string;
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
