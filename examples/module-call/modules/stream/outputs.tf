output "stream_arn" {
  description = "ARN of the stream, for consumers."
  value       = aws_kinesis_stream.this.arn
}
