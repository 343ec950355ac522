import { describe, expect, test } from 'vitest';
import { readSchemaDoc } from '../../../scripts/lib/schema-sources/airbyte-provider.ts';
import { readResourceModule } from '../../../scripts/lib/schema-sources/aws-provider.ts';
import { readDataclassFields } from '../../../scripts/lib/schema-sources/dbt-trino.ts';

describe('reading the AWS provider schema from @cdktf/provider-aws', () => {
  test('reads a resource type, its arguments and its nested blocks', () => {
    const js = `
function s3BucketVersioningToTerraform(struct) {
    if (!cdktf.canInspect(struct)) {
        return struct;
    }
    return {
        enabled: cdktf.booleanToTerraform(struct.enabled),
        mfa_delete: cdktf.booleanToTerraform(struct.mfaDelete),
    };
}
class S3Bucket extends cdktf.TerraformResource {
    synthesizeAttributes() {
        return {
            bucket: cdktf.stringToTerraform(this._bucket),
            tags: cdktf.hashMapper(cdktf.stringToTerraform)(this._tags),
            versioning: s3BucketVersioningToTerraform(this._versioning.internalValue),
        };
    }
}
S3Bucket.tfResourceType = "aws_s3_bucket";`;
    expect(readResourceModule(js)).toEqual({
      type: 'aws_s3_bucket',
      schema: { a: ['bucket', 'tags'], b: { versioning: { a: ['enabled', 'mfa_delete'] } } },
    });
  });
});

describe('reading dbt-trino names from its Python source', () => {
  test('reads dataclass fields and read-only properties per class', () => {
    const py = `@dataclass
class TrinoJwtCredentials(TrinoCredentials):
    host: str
    jwt_token: str
    retries: Optional[int] = 3

    @property
    def method(self):
        return "jwt"
`;
    expect(readDataclassFields(py)).toEqual({
      TrinoJwtCredentials: ['host', 'jwt_token', 'retries', 'method'],
    });
  });
});

describe('reading the Airbyte provider schema from its tfplugindocs pages', () => {
  test('reads required, optional, read-only and nested attributes with their enum values', () => {
    const md = [
      '# airbyte_connection (Resource)',
      '## Schema',
      '### Required',
      '- `source_id` (String) Requires replacement if changed.',
      '### Optional',
      '- `schedule` (Attributes) schedule (see [below for nested schema](#nestedatt--schedule))',
      '- `status` (String) must be one of ["active", "inactive"]',
      '### Read-Only',
      '- `connection_id` (String)',
      '<a id="nestedatt--schedule"></a>',
      '### Nested Schema for `schedule`',
      'Required:',
      '- `schedule_type` (String) must be one of ["manual", "cron"]',
      'Optional:',
      '- `cron_expression` (String)',
      'Read-Only:',
      '- `basic_timing` (String)',
      '## Import',
      '- `ignored` (String)',
    ].join('\n');
    expect(readSchemaDoc(md)).toEqual({
      a: ['source_id', 'status'],
      r: ['source_id'],
      e: { status: ['active', 'inactive'] },
      ro: ['connection_id'],
      b: {
        schedule: {
          a: ['schedule_type', 'cron_expression'],
          r: ['schedule_type'],
          e: { schedule_type: ['manual', 'cron'] },
          ro: ['basic_timing'],
        },
      },
    });
  });

  test('fails on a page without a schema section', () => {
    expect(() => readSchemaDoc('# airbyte_workspace\nno schema here')).toThrow(
      'no "## Schema" section',
    );
  });
});
