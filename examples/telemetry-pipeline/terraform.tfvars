region      = "us-east-1"
environment = "prod"

tags = {
  team        = "platform"
  cost-center = "telemetry"
}
