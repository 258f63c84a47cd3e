// Every child process the benchmark starts, so an interrupted run (Ctrl-C) leaves none behind.
'use strict';
const live = new Set();

function track(child) {
  live.add(child);
  child.on('exit', () => live.delete(child));
  return child;
}

function killAll() {
  for (const child of live) child.kill('SIGKILL');
  live.clear();
}

module.exports = { track, killAll };
