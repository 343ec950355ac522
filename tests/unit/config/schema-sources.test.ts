import { describe, expect, test } from 'vitest';
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
    expect(readDataclassFields(py)).toEqual({ TrinoJwtCredentials: ['host', 'jwt_token', 'retries', 'method'] });
  });
});
