// Rule pages shipped in the extension (docs/rules/<id>.md): which file a rule's page is, which rule a docs URL
// names, and the one-line summary the "Open Rule Documentation" quick pick shows. Pure (test/client/ruleDocsText.test.ts).

const RULE_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export function isRuleId(id: unknown): id is string {
  return typeof id === 'string' && RULE_ID.test(id);
}

/** The path segments of a rule's page under the extension root. */
export function ruleDocPath(id: string): string[] {
  if (!isRuleId(id)) throw new Error(`not a rule id: ${JSON.stringify(id)}`);
  return ['docs', 'rules', `${id}.md`];
}

/** The rule a docs URL (server/src/core/rules/rule.ts docsUrl: …/docs/rules/<id>.md) names, or undefined. */
export function ruleIdOfUrl(url: string): string | undefined {
  const match = /\/docs\/rules\/([^/?#]+)\.md(?:[?#].*)?$/.exec(url);
  return match && isRuleId(match[1]) ? match[1] : undefined;
}

/** The rule id a docs file name stands for (README.md and other files are not rules). */
export function ruleIdOfFile(name: string): string | undefined {
  const id = name.endsWith('.md') ? name.slice(0, -3) : undefined;
  return id !== undefined && isRuleId(id) && id !== 'readme' ? id : undefined;
}

/** The first sentence of the page's first paragraph (after the "# id" heading). */
export function ruleDocSummary(markdown: string): string {
  const paragraph: string[] = [];
  for (const line of markdown.split(/\r?\n/)) {
    if (line.startsWith('#')) {
      if (paragraph.length > 0) break;
      continue;
    }
    if (line.trim() === '') {
      if (paragraph.length > 0) break;
      continue;
    }
    paragraph.push(line.trim());
  }
  const text = paragraph.join(' ');
  const sentence = /^(.*?[.!?])(\s|$)/.exec(text);
  return sentence ? sentence[1] : text;
}

/** The web page of a rule, pinned to the release as the server's docsUrl is (server/src/core/rules/rule.ts). */
export function webDocsUrl(repositoryUrl: string, version: string, id: string): string {
  return `${repositoryUrl.replace(/\.git$/, '')}/blob/v${version}/${ruleDocPath(id).join('/')}`;
}
