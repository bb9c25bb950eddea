import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { serverCommand } from '../server';

test('the installed tool by default', () => {
  assert.deepEqual(serverCommand({ path: '', debounceMs: 150 }), { command: 'firebreak', args: ['lsp', '--debounce-ms', '150'] });
});

test('a firebreak.dll runs with dotnet', () => {
  assert.deepEqual(serverCommand({ path: '/opt/fb/firebreak.dll', debounceMs: 40 }), {
    command: 'dotnet',
    args: ['/opt/fb/firebreak.dll', 'lsp', '--debounce-ms', '40'],
  });
});

test('an executable path is used as is, and the debounce is clamped', () => {
  assert.deepEqual(serverCommand({ path: ' /usr/local/bin/firebreak ', debounceMs: 99999 }), {
    command: '/usr/local/bin/firebreak',
    args: ['lsp', '--debounce-ms', '10000'],
  });
});
