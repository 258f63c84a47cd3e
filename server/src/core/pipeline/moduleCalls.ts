// The cost of what each `module "x"` block creates: the editor shows it on the call (issue #10, defect 5). One report
// per instance of the module holding the block, so a module called twice shows each caller's figure.
import type { ModuleCallReport, StreamReport } from '../results';
import type { ModuleInstance } from '../model/moduleInstance';
import type { UnresolvedCall } from '../model/moduleTree';
import { headerSpan } from '../model/streamFacts';
import { sumMoney } from '../partial';

export function moduleCallReports(modules: readonly ModuleInstance[], streams: readonly StreamReport[], unresolved: readonly UnresolvedCall[]): ModuleCallReport[] {
  const reports: ModuleCallReport[] = [];
  for (const m of modules) {
    for (const call of m.source.moduleCalls) {
      const address = `${m.prefix}module.${call.labels[0]}`;
      const under = streams.filter((s) => isUnder(s.resource, address));
      // Unresolved calls carry addresses without instance keys: compare with this call's, keys dropped.
      const bare = withoutKeys(address);
      const unread = unresolved.filter((u) => u.address === bare || isUnder(u.address, bare)).length;
      reports.push({
        file: call.file.path,
        range: call.file.lines.rangeOf(headerSpan(call)),
        caller: m.address,
        address,
        streams: under.map((s) => s.resource),
        // A module that was not read may hold streams: the total is then a lower bound at most (as costSummary).
        monthlyCost: sumMoney([...under.map((s) => s.monthlyCost), ...(unread > 0 ? [null] : [])]),
        unread,
      });
    }
  }
  return reports;
}

/** `module.a["k"].aws_kinesis_stream.s` is under `module.a`; `module.ab.…` is not. */
export function isUnder(resource: string, address: string): boolean {
  return resource.startsWith(address) && (resource[address.length] === '.' || resource[address.length] === '[');
}

/** module.a["k"].module.b → module.a.module.b (keys are quoted strings or numbers in brackets). */
function withoutKeys(address: string): string {
  return address.replace(/\[(?:"(?:[^"\\]|\\.)*"|\d+)\]/g, '');
}
