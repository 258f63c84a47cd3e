variable "region" {
  description = "AWS region of the pipeline."
  type        = string
  default     = "us-east-1"
}

variable "environment" {
  description = "Deployment stage, used in resource names."
  type        = string
  default     = "dev"
}

variable "aggregator_function_name" {
  description = "Name of the Lambda function that aggregates telemetry."
  type        = string
  default     = "telemetry-aggregator"
}

variable "firehose_role_arn" {
  description = "IAM role Firehose assumes to read the stream and write to S3."
  type        = string
  default     = "arn:aws:iam::123456789012:role/telemetry-firehose"
}

variable "archive_bucket_arn" {
  description = "S3 bucket that keeps the raw telemetry."
  type        = string
  default     = "arn:aws:s3:::example-telemetry-archive"
}

variable "tags" {
  description = "Tags applied to every resource."
  type        = map(string)
  default = {
    team = "platform"
  }
}
