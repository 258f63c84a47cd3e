// Fixes shared by several rules: set a value where it is decided, add or remove an argument.
import type { Fix } from '../types';
import type { AttrFact, StreamFacts } from '../model/streamFacts';
import { baseName } from '../model/paths';
import type { HclBlock } from '../syntax/sourceFile';
import { alignedArguments, insertIntoBlock, insertNestedBlock, removeAttribute, replaceAt } from '../fixes/edits';
import { realignAfterRemoving } from '../fixes/alignGroup';

/** Replace the literal that decides an attribute's value; none when no single literal does (e.g. arithmetic). */
export function setValueFix(fact: AttrFact, newText: string, preferred = false, isSuggestion = false): Fix[] {
  if (!fact.origin) return [];
  const own = fact.origin.file === fact.attr.file.path && sameRange(fact.origin.range, fact.at.range);
  const where = own ? '' : ` in ${baseName(fact.origin.file)}:${fact.origin.range.start.line + 1}`;
  return [{ title: `Set ${fact.name} = ${newText}${where}`, edits: [replaceAt(fact.origin, newText)], preferred, isSuggestion }];
}

export function addArgumentsFix(s: StreamFacts, args: [string, string][], title: string, preferred = false): Fix[] {
  if (s.block.scanned.closeBrace === null) return [];
  return [{ title, edits: [insertIntoBlock(s.block, alignedArguments(args))], preferred }];
}

/** Remove an argument of `block`; the `=` of its group are re-padded as terraform fmt would. */
export function removeArgumentFix(block: HclBlock, fact: AttrFact, title = `Remove ${fact.name}`): Fix {
  return { title, edits: [removeAttribute(fact.attr), ...realignAfterRemoving(block, fact.attr, false)] };
}

/** Set stream_mode_details.stream_mode, adding the argument or the block when they are missing; never where a
 *  dynamic block decides the mode (its content is shared by every block it generates, and a literal block beside it
 *  would make two). */
export function setModeEdits(s: StreamFacts, mode: string) {
  if (s.modeDynamic) return undefined;
  const value = JSON.stringify(mode);
  if (s.modeAttr?.origin) return [replaceAt(s.modeAttr.origin, value)];
  if (s.modeAttr) return undefined;
  if (s.modeBlock) return s.modeBlock.scanned.closeBrace === null ? undefined : [insertIntoBlock(s.modeBlock, [`stream_mode = ${value}`])];
  return s.block.scanned.closeBrace === null ? undefined : [insertNestedBlock(s.block, 'stream_mode_details', [`stream_mode = ${value}`])];
}

function sameRange(a: { start: { line: number; character: number } }, b: typeof a): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character;
}
