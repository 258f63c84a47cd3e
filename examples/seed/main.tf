resource "aws_kinesis_stream" "events" {
  name             = var.name
  shard_count      = var.shards
  retention_period = 24 # hours (increase if you need replay)

  stream_mode_details {
    stream_mode = "PROVISIONED"
    # or "ON_DEMAND" if you prefer (provider support varies by version)
  }

  encryption_type = "KMS"
  kms_key_id      = var.kms_key_arn

  tags = var.tags
}

variable "name"        { type = string }
variable "shards"      { type = number default = 2 }
variable "kms_key_arn" { type = string }
variable "tags"        { type = map(string) default = {} }
