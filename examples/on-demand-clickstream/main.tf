# Clickstream: web and mobile front ends write page views to an on-demand stream. A real-time
# personalisation service reads it through enhanced fan-out (its own 2 MiB/s per shard, ~70 ms
# delivery), and replays of the past week must stay possible, hence 7 days of retention.
#
# kinesis-lint reports here, as infos: the AWS managed key (aws-managed-kms-key), the cost of keeping
# a week of data (extended-retention-cost), and that provisioned mode would be much cheaper for the
# declared steady load (capacity-mode-cost). See README.md.

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
  region = "us-east-2"
}

# Peak of the last Black Friday, with about 40 % average utilisation over a month.
# kinesis-lint: write_mib_per_sec=1.5 records_per_sec=1200 avg_record_kib=1.2 avg_utilization=0.4
resource "aws_kinesis_stream" "clickstream" {
  name             = "clickstream"
  retention_period = 168

  stream_mode_details {
    stream_mode = "ON_DEMAND"
  }

  encryption_type = "KMS"
  kms_key_id      = "alias/aws/kinesis"

  tags = {
    team = "growth"
  }
}

# Enhanced fan-out consumer registered for the personalisation service.
resource "aws_kinesis_stream_consumer" "personalisation" {
  name       = "personalisation"
  stream_arn = aws_kinesis_stream.clickstream.arn
}
