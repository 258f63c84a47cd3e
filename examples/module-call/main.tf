# Root module: one order-events stream built from the shared ./modules/stream module.
#
# kinesis-lint analyses the child module through this call, with these inputs: the caller's
# retention_period = 720 (30 days) triggers long-term-retention-cost, reported here on the
# argument that causes it, not in the module (whose default is 24 hours).

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
  region = "us-east-1"
}

resource "aws_kms_key" "orders" {
  description         = "Encrypts the order-events stream"
  enable_key_rotation = true
}

module "orders" {
  source = "./modules/stream"

  name             = "order-events"
  shard_count      = 2
  retention_period = 720 # auditors asked for 30 days of replay
  kms_key_arn      = aws_kms_key.orders.arn

  tags = {
    team = "checkout"
  }
}

output "orders_stream_arn" {
  value = module.orders.stream_arn
}
