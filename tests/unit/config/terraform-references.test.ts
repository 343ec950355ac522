import { describe, expect, test } from 'vitest';
import { code, findReferenceProblems } from '../../../src/lib/config/terraform-schema.ts';

describe('Terraform reference scan', () => {
  test('keeps expressions and interpolations, blanks comments and the literal text of strings', () => {
    const text = [
      'x = var.a # var.commented',
      'm = "module.network.id is literal, ${module.net.id} is not"',
      'h = <<-EOT',
      '  local.literal ${local.interpolated}',
      '  EOT',
      'y = local.after',
    ].join('\n');
    const kept = code(text);
    expect(kept.split('\n')).toHaveLength(6);
    expect(kept).toContain('var.a');
    expect(kept).not.toContain('var.commented');
    expect(kept).not.toContain('module.network.id');
    expect(kept).toContain('${module.net.id}');
    expect(kept).not.toContain('local.literal');
    expect(kept).toContain('${local.interpolated}');
    expect(kept).toContain('local.after');
  });

  test('a module named only in an error message is not a reference; one in an interpolation is', () => {
    const json = { module: {}, variable: {}, locals: [], output: {} };
    const file = (text: string) => [{ file: 'mod/main.tf', text, json }];
    expect(findReferenceProblems(file('e = "pass module.network.egress_subnet_ids"'))).toEqual([]);
    expect(findReferenceProblems(file('e = "pass ${module.network.egress_subnet_ids}"'))).toEqual([
      {
        file: 'mod/main.tf',
        line: 1,
        message: 'module.network is not a module block in this module',
      },
    ]);
  });
});
