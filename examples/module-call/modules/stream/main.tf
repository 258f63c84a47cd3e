# A reusable provisioned stream, encrypted with the caller's KMS key. Its load is declared per
# call site in the root's .kinesis-lint.json (streams."module.<name>.aws_kinesis_stream.this"),
# because each caller sends a different load through the same resource.

resource "aws_kinesis_stream" "this" {
  name             = var.name
  shard_count      = var.shard_count
  retention_period = var.retention_period

  encryption_type = "KMS"
  kms_key_id      = var.kms_key_arn

  tags = var.tags
}
