// Whether some installed extension highlights Terraform: kinesis-lint contributes the terraform language but no
// grammar of its own (only an injection for its annotations), so without one .tf files are plain text. Pure
// (test/client/grammarCheck.test.ts); the one-time suggestion lives in grammarHint.ts.

/** Scopes of Terraform/HCL grammars: HashiCorp's extension (source.hcl.terraform) and the others people use. */
export const TERRAFORM_SCOPES = ['source.hcl.terraform', 'source.terraform'];
export const HASHICORP_TERRAFORM = 'hashicorp.terraform';

export interface ExtensionLike {
  id: string;
  packageJSON: unknown;
}

export function hasTerraformGrammar(extensions: readonly ExtensionLike[]): boolean {
  return extensions.some((ext) => {
    if (ext.id.toLowerCase() === HASHICORP_TERRAFORM) return true;
    const grammars = (ext.packageJSON as { contributes?: { grammars?: unknown } } | undefined)?.contributes?.grammars;
    return Array.isArray(grammars) && grammars.some((g) =>
      typeof g === 'object' && g !== null && TERRAFORM_SCOPES.includes((g as { scopeName?: unknown }).scopeName as string)
      // An injection (injectTo) colours inside another grammar; it does not highlight Terraform on its own.
      && !Array.isArray((g as { injectTo?: unknown }).injectTo));
  });
}
