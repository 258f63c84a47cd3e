import { strict as assert } from 'assert';
import { findConfigFile } from '../../server/src/core/config/loadConfig';
import { memoryHost } from '../support/memoryHost';

describe('findConfigFile', () => {
  const host = memoryHost(
    {
      '/repo/.kinesis-lint.json': '{}',
      '/repo/infra/main.tf': '',
      '/repo/infra/modules/stream/main.tf': '',
      '/repo/infra/modules/stream/.kinesis-lint.json': '{}',
      '/other/main.tf': '',
    },
    ['/repo/infra/odd/.kinesis-lint.json'],
  );

  it('finds the file in the folder itself', async () => {
    assert.equal(await findConfigFile('/repo/infra/modules/stream', host), '/repo/infra/modules/stream/.kinesis-lint.json');
  });

  it('else the nearest ancestor', async () => {
    assert.equal(await findConfigFile('/repo/infra', host), '/repo/.kinesis-lint.json');
    assert.equal(await findConfigFile('/repo/infra/modules', host), '/repo/.kinesis-lint.json');
  });

  it('a directory with that name is not a config file', async () => {
    assert.equal(await findConfigFile('/repo/infra/odd', host), '/repo/.kinesis-lint.json');
  });

  it('none up to the root', async () => {
    assert.equal(await findConfigFile('/other', host), undefined);
  });
});
