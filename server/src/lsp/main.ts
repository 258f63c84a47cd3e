#!/usr/bin/env node
// Entry point of the language server. VS Code starts it with --node-ipc; other editors use --stdio
// (also reachable as `kinesis-lint --stdio`).
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server';

startServer(createConnection(ProposedFeatures.all));
