variable "name" {
  description = "Stream name."
  type        = string
}

variable "shard_count" {
  description = "Number of shards (provisioned mode)."
  type        = number
  default     = 1
}

variable "retention_period" {
  description = "Hours a record stays readable (24-8760)."
  type        = number
  default     = 24
}

variable "kms_key_arn" {
  description = "Customer managed KMS key that encrypts the stream."
  type        = string
}

variable "tags" {
  description = "Tags for the stream."
  type        = map(string)
  default     = {}
}
