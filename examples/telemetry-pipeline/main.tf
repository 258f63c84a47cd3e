# Telemetry pipeline: devices publish metrics to one provisioned Kinesis stream; a Lambda function
# aggregates them and a Firehose delivery stream archives the raw records to S3.
#
# kinesis-lint reports `undersized-shards` here on purpose: the annotation below declares 3 MiB/s and
# 2,500 records/s read by 2 standard consumers, which needs 4 shards at 80 % target utilisation,
# while shard_count is 2.

terraform {
  required_version = ">= 1.5"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = ">= 5.0"
    }
  }
}

provider "aws" {
  region = var.region
}

# A customer managed key: the key policy, not AWS, decides who may read the stream.
resource "aws_kms_key" "telemetry" {
  description             = "Encrypts the ${var.environment} telemetry stream"
  enable_key_rotation     = true
  deletion_window_in_days = 30
}

# Peak load measured on the device fleet's busiest hour (see the capacity dashboard).
# kinesis-lint: write_mib_per_sec=3 records_per_sec=2500
resource "aws_kinesis_stream" "telemetry" {
  name             = "${var.environment}-device-telemetry"
  shard_count      = 2
  retention_period = 24

  stream_mode_details {
    stream_mode = "PROVISIONED"
  }

  encryption_type = "KMS"
  kms_key_id      = aws_kms_key.telemetry.arn

  shard_level_metrics = [
    "IncomingBytes",
    "IncomingRecords",
    "WriteProvisionedThroughputExceeded",
    "IteratorAgeMilliseconds",
  ]

  tags = var.tags
}

# Standard consumer 1: the aggregation Lambda reads with GetRecords (shared 2 MiB/s per shard).
resource "aws_lambda_event_source_mapping" "aggregate" {
  event_source_arn       = aws_kinesis_stream.telemetry.arn
  function_name          = var.aggregator_function_name
  starting_position      = "LATEST"
  batch_size             = 500
  parallelization_factor = 2
}

# Standard consumer 2: Firehose archives every record to S3.
resource "aws_kinesis_firehose_delivery_stream" "archive" {
  name        = "${var.environment}-telemetry-archive"
  destination = "extended_s3"

  kinesis_source_configuration {
    kinesis_stream_arn = aws_kinesis_stream.telemetry.arn
    role_arn           = var.firehose_role_arn
  }

  extended_s3_configuration {
    role_arn           = var.firehose_role_arn
    bucket_arn         = var.archive_bucket_arn
    prefix             = "telemetry/"
    buffering_size     = 64
    buffering_interval = 300
    compression_format = "GZIP"
  }

  tags = var.tags
}
