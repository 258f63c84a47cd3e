// node/httpsProxy.ts: the proxy variables, NO_PROXY matching, and the https.Agent that `metrics pull` gives the AWS
// SDK, tunnelling through a loopback CONNECT proxy to a loopback TLS server (test/fixtures/tls: self-signed for
// 127.0.0.1 and localhost, trusted here through the agent's `ca`).
import { strict as assert } from 'assert';
import * as https from 'node:https';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { bypassed, proxyFor, proxySettings, ProxyTunnelAgent } from '../../server/src/node/httpsProxy';
import { startConnectProxy, type ConnectProxy } from '../support/connectProxy';

const TLS_DIR = join(__dirname, '..', 'fixtures', 'tls');
const KEY = readFileSync(join(TLS_DIR, 'key.pem'), 'utf8');
const CERT = readFileSync(join(TLS_DIR, 'cert.pem'), 'utf8');

describe('HTTPS proxy settings', () => {
  it('reads HTTPS_PROXY, else https_proxy, and NO_PROXY, else no_proxy', () => {
    assert.deepEqual(proxySettings({}), {});
    assert.deepEqual(proxySettings({ https_proxy: 'http://p:1', no_proxy: 'a' }), { proxy: 'http://p:1', noProxy: 'a' });
    assert.deepEqual(proxySettings({ HTTPS_PROXY: 'http://P:2', https_proxy: 'http://p:1', NO_PROXY: 'B', no_proxy: 'a' }), { proxy: 'http://P:2', noProxy: 'B' });
    // An empty HTTPS_PROXY turns the proxy off, as before (the lower-case one is not consulted).
    assert.equal(proxyFor('https:', 'h', proxySettings({ HTTPS_PROXY: '', https_proxy: 'http://p:1' })), undefined);
  });

  it('NO_PROXY: names, domain suffixes with or without a dot, *, case-insensitive', () => {
    assert.equal(bypassed('monitoring.eu-west-1.amazonaws.com', 'amazonaws.com'), true);
    assert.equal(bypassed('monitoring.eu-west-1.amazonaws.com', '.amazonaws.com'), true);
    assert.equal(bypassed('amazonaws.com', '.amazonaws.com'), true);
    assert.equal(bypassed('notamazonaws.com', 'amazonaws.com'), false);
    assert.equal(bypassed('127.0.0.1', 'localhost, 127.0.0.1'), true);
    assert.equal(bypassed('Monitoring.Example', 'monitoring.example'), true);
    assert.equal(bypassed('anything', '*'), true);
    assert.equal(bypassed('anything', undefined), false);
  });

  it('only https:// URLs go through the proxy', () => {
    const settings = { proxy: 'http://127.0.0.1:3128', noProxy: 'internal.example' };
    assert.equal(proxyFor('https:', 'monitoring.us-east-1.amazonaws.com', settings)?.host, '127.0.0.1:3128');
    assert.equal(proxyFor('http:', '127.0.0.1', settings), undefined);
    assert.equal(proxyFor('https:', 'cw.internal.example', settings), undefined);
    assert.equal(proxyFor('https:', 'monitoring.us-east-1.amazonaws.com', {}), undefined);
  });
});

describe('ProxyTunnelAgent', function () {
  this.timeout(10000);
  let proxy: ConnectProxy;
  let server: https.Server;
  let port: number;
  beforeEach(async () => {
    proxy = await startConnectProxy();
    server = https.createServer({ key: KEY, cert: CERT }, (req, res) => res.end(`hello ${req.url}`));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterEach(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await proxy.close();
  });

  function get(agent: https.Agent, host: string, path: string): Promise<string> {
    return new Promise((resolve, reject) => {
      https.get({ host, port, path, agent }, (res) => {
        let body = '';
        res.on('data', (c) => (body += c));
        res.on('end', () => resolve(body));
      }).on('error', reject);
    });
  }

  it('opens TLS to the target through one CONNECT tunnel, kept alive for the next request, with the proxy\'s credentials', async () => {
    const agent = new ProxyTunnelAgent({ proxy: proxy.url.replace('http://', 'http://me:s%40cret@') }, 2000, { keepAlive: true, ca: CERT });
    try {
      assert.equal(await get(agent, '127.0.0.1', '/one'), 'hello /one');
      assert.equal(await get(agent, '127.0.0.1', '/two'), 'hello /two');
      assert.deepEqual(proxy.connects, [`127.0.0.1:${port}`]);
      assert.deepEqual(proxy.authorizations, [`Basic ${Buffer.from('me:s@cret').toString('base64')}`]);
      // By name: the certificate is checked against the target's name (its SAN), not the proxy's.
      assert.equal(await get(agent, 'localhost', '/three'), 'hello /three');
      assert.deepEqual(proxy.connects, [`127.0.0.1:${port}`, `localhost:${port}`]);
    } finally {
      agent.destroy();
    }
  });

  it('checks the target\'s certificate through the tunnel: an untrusted one fails', async () => {
    const agent = new ProxyTunnelAgent({ proxy: proxy.url }, 2000);
    try {
      await assert.rejects(get(agent, '127.0.0.1', '/x'), /self[- ]signed certificate/);
      assert.deepEqual(proxy.connects, [`127.0.0.1:${port}`]);
    } finally {
      agent.destroy();
    }
  });

  it('connects directly to NO_PROXY hosts', async () => {
    const agent = new ProxyTunnelAgent({ proxy: proxy.url, noProxy: '127.0.0.1' }, 2000, { ca: CERT });
    try {
      assert.equal(await get(agent, '127.0.0.1', '/direct'), 'hello /direct');
      assert.deepEqual(proxy.connects, []);
    } finally {
      agent.destroy();
    }
  });

  it('a refused tunnel is the request\'s error, naming the proxy and its status', async () => {
    proxy.refuse = 403;
    const agent = new ProxyTunnelAgent({ proxy: proxy.url }, 2000, { ca: CERT });
    try {
      await assert.rejects(get(agent, '127.0.0.1', '/x'), /^Error: proxy 127\.0\.0\.1:\d+ refused the tunnel: HTTP 403$/);
    } finally {
      agent.destroy();
    }
  });
});
