// The custom messages between this client and the kinesis-lint language server (server/src/lsp). The client
// cannot import the server's project, so the method names and payload shapes are repeated here; keep them in
// step with the server.
import { NotificationType, RequestType, type WorkspaceEdit } from 'vscode-languageclient/node';

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
  /** The total in the server's words ("≈ $43.80/mo", "cost unknown: shard_count not resolved"). Absent from older servers. */
  monthlyCostText?: string;
  /** A workspace pass is under way: the total covers only what is analysed so far. Absent from older servers. */
  busy?: boolean;
  /** Streams whose figures are from the last valid version of their module (it has a syntax error now). */
  heldStreams?: number;
  /** The change against kinesisLint.compareTo (server/src/lsp/baseline/baselines.ts WorkspaceDelta); absent when
   *  off, outside a repository or while the base is analysed. */
  delta?: {
    /** "HEAD", "main". */
    against: string;
    monthlyDelta: number | { atLeast: number } | null;
    /** "+$21.90 vs HEAD", "no change vs HEAD", "cost change vs HEAD unknown". */
    text: string;
    /** One line per stream that changed: "aws_kinesis_stream.s: +$21.90/mo (2 → 4 shards)". */
    changes: string[];
  };
  /** Why some or all modules have no delta, in one line ('' or absent when none). */
  deltaNote?: string;
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

/**
 * Workspace trust (server WORKSPACE_TRUST_NOTIFICATION): untrusted, the server reads nothing outside the workspace
 * folders. The state at start goes in initializationOptions.trusted; this tells it when trust is granted.
 */
export const workspaceTrustNotification = new NotificationType<{ trusted: boolean }>('kinesisLint/workspaceTrust');

/** One stream of the latest analysis (server/src/lsp/render/streams.ts). */
export interface StreamItem {
  /** Full address, e.g. module.ingest.aws_kinesis_stream.events. */
  resource: string;
  /** The module calls that create it ("module.a.module.b"); '' in a root module. */
  caller: string;
  /** The address inside its module, e.g. aws_kinesis_stream.events. */
  local: string;
  uri: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  moduleUri: string;
  rootUri: string;
  /** Exact, a lower bound (`{ atLeast }`), or unknown (null). */
  monthlyCost: number | { atLeast: number } | null;
  /** The server's wording of that cost. */
  costText: string;
  mode: 'PROVISIONED' | 'ON_DEMAND' | null;
  shards: number | null;
  instances: number | null;
  findings: Record<'error' | 'warning' | 'info' | 'hint', number>;
}

export const streamsRequest = new RequestType<Record<string, never>, { streams: StreamItem[] }, void>('kinesisLint/streams');

export interface DeclareLoadParams {
  textDocument: { uri: string };
  position: { line: number; character: number };
  load: { write_mib_per_sec: number; records_per_sec: number; consumers: number };
}

/** The edit to apply, or why there is none (server/src/lsp/handlers/declareLoad.ts). */
export type DeclareLoadAnswer = { edit: WorkspaceEdit; resource: string } | { reason: string };

export const declareLoadRequest = new RequestType<DeclareLoadParams, DeclareLoadAnswer, void>('kinesisLint/declareLoad');

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
