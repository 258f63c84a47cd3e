// The levels vscode-languageclient's lines land at in the LogOutputChannel (issue #10 item 6).
import { strict as assert } from 'assert';
import { RecentLines, routeClientLine } from '../../client/src/logLevels';

describe('client log levels', () => {
  it('reads the library\'s "[Level - time]" prefix as the level and drops it from the text', () => {
    assert.deepEqual(routeClientLine('[Error - 10:31:02 PM] Connection to server got closed.', 'info', false), { level: 'error', text: 'Connection to server got closed.' });
    assert.deepEqual(routeClientLine('[Warn  - 10:31:02] kinesis-lint skips "x" (didOpen): no URI.', 'info', false), { level: 'warn', text: 'kinesis-lint skips "x" (didOpen): no URI.' });
    assert.deepEqual(routeClientLine('[Info  - 10:31:02] analysed 1 module(s)', 'error', false), { level: 'info', text: 'analysed 1 module(s)' });
    assert.deepEqual(routeClientLine('[Debug - 10:31:02] analysed 1 module(s)', 'info', false), { level: 'debug', text: 'analysed 1 module(s)' });
  });

  it('logs a clean exit (code 0) at info, not as an error, whoever stopped the server', () => {
    const line = '[Error - 10:31:02] Server process exited with code 0.';
    assert.deepEqual(routeClientLine(line, 'info', false), { level: 'info', text: 'Server process exited with code 0.' });
    assert.deepEqual(routeClientLine(line, 'info', true), { level: 'info', text: 'Server process exited with code 0.' });
  });

  it('keeps a non-zero exit an error, and an exit by signal an error unless the extension is stopping the server', () => {
    assert.equal(routeClientLine('[Error - 1:00:00] Server process exited with code 1.', 'info', true).level, 'error');
    assert.equal(routeClientLine('[Error - 1:00:00] Server process exited with signal SIGTERM.', 'info', false).level, 'error');
    assert.equal(routeClientLine('[Error - 1:00:00] Server process exited with signal SIGTERM.', 'info', true).level, 'info');
  });

  it('gives an unprefixed line the level of the line before it (an error\'s stack), and traces the info level', () => {
    assert.deepEqual(routeClientLine('    at foo (bar.js:1:2)', 'error', false), { level: 'error', text: '    at foo (bar.js:1:2)' });
    assert.equal(routeClientLine('[Trace - 1:00:00] Sending request \'initialize - (0)\'.', 'info', false).level, 'info');
  });

  it('keeps the most recent lines, oldest first, with time and level', () => {
    const recent = new RecentLines(2);
    const at = new Date(Date.UTC(2026, 11, 2, 0, 0, 0));
    recent.push('info', 'one', at);
    recent.push('warn', 'two', at);
    recent.push('error', 'three', at);
    assert.deepEqual(recent.all(), ['2026-12-02T00:00:00.000Z [warn] two', '2026-12-02T00:00:00.000Z [error] three']);
  });
});
