// A loopback CloudWatch for the extension-host suite: GetMetricData over the AWS JSON 1.0 protocol (POST /,
// X-Amz-Target GraniteServiceVersion20100801.GetMetricData), one page, for the "Pull metrics" command's forked CLI
// (AWS_ENDPOINT_URL_CLOUDWATCH points it here). Every MetricStat query gets a data point per minute of the asked range
// (a steady 512 KiB/s and 500 records/s; no throttling); a SEARCH expression (EFO consumers, shards) finds nothing.
// The signature is not checked. Not a model of CloudWatch: test/metrics/fakeCloudWatch.ts is (paging, throttling,
// errors).
'use strict';
const http = require('http');

const PER_SECOND = { IncomingBytes: 512 * 1024, IncomingRecords: 500, 'GetRecords.Bytes': 512 * 1024 };

const seconds = (t) => (typeof t === 'number' ? t : Date.parse(t) / 1000);

function answer(body) {
  const start = Math.ceil(seconds(body.StartTime) / 60) * 60;
  const end = seconds(body.EndTime);
  const results = [];
  for (const q of body.MetricDataQueries || []) {
    if (!q.MetricStat) continue;
    const rate = PER_SECOND[q.MetricStat.Metric.MetricName] || 0;
    const timestamps = [];
    const values = [];
    if (rate > 0) {
      for (let t = start; t + 60 <= end; t += 60) {
        timestamps.push(t);
        values.push(rate * 60);
      }
      // CloudWatch's default order is newest first (ScanBy TimestampDescending).
      if (body.ScanBy !== 'TimestampAscending') timestamps.reverse();
    }
    results.push({ Id: q.Id, Label: q.Label, Timestamps: timestamps, Values: values, StatusCode: 'Complete' });
  }
  return { MetricDataResults: results, Messages: [] };
}

/** Resolves to { url, requests, close() } once listening on 127.0.0.1 (a free port). */
function startFakeCloudWatch() {
  const requests = [];
  const server = http.createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const target = req.headers['x-amz-target'];
      requests.push({ method: req.method, target });
      let body;
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
      } catch {
        body = undefined;
      }
      if (req.method !== 'POST' || target !== 'GraniteServiceVersion20100801.GetMetricData' || !body) {
        res.writeHead(400, { 'content-type': 'application/x-amz-json-1.0' });
        res.end(JSON.stringify({ __type: 'InvalidAction', message: `not GetMetricData: ${req.method} ${target}` }));
        return;
      }
      res.writeHead(200, { 'content-type': 'application/x-amz-json-1.0', 'x-amzn-requestid': `fake-${requests.length}` });
      res.end(JSON.stringify(answer(body)));
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      resolve({ url: `http://127.0.0.1:${port}`, requests, close: () => new Promise((r) => server.close(() => r())) });
    });
  });
}

module.exports = { startFakeCloudWatch };
