// Name, version and home page of the tool as the outputs print them (JSON `tool`, SARIF `tool.driver`).
import { REPOSITORY_URL, TOOL_NAME, VERSION } from '../core/version';

export interface ToolInfo {
  name: string;
  version: string;
  /** Where SARIF viewers link the tool name. */
  informationUri: string;
}

export function readToolInfo(): ToolInfo {
  return { name: TOOL_NAME, version: VERSION, informationUri: REPOSITORY_URL };
}
