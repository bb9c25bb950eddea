// The server driven by the protocol library VS Code's own client is built on (vscode-languageserver-protocol over
// vscode-jsonrpc), over the stdio of a real `firebreak lsp` process. Runs when FIREBREAK_LSP names the server command
// (e.g. "dotnet /path/firebreak.dll"); the CI step sets it.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  InitializeRequest,
  InitializedNotification,
  DidOpenTextDocumentNotification,
  PublishDiagnosticsNotification,
  PublishDiagnosticsParams,
  CodeActionRequest,
  ShutdownRequest,
  ExitNotification,
  CodeAction,
} from 'vscode-languageserver-protocol/node';

const server = process.env.FIREBREAK_LSP;
const sample = process.env.FIREBREAK_SAMPLE;

test('VS Code\'s protocol client gets the incident workflow\'s findings and a suppression action', { skip: !server || !sample }, async () => {
  const [command, ...args] = server!.split(' ');
  const child = spawn(command, [...args, 'lsp', '--debounce-ms', '20'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const published = new Promise<PublishDiagnosticsParams>((resolve) =>
    connection.onNotification(PublishDiagnosticsNotification.type, (params) => resolve(params)));
  connection.listen();

  const root = path.resolve(sample!);
  const file = path.join(root, '.github', 'workflows', 'deploy.yml');
  const uri = pathToFileURL(file).href;
  const init = await connection.sendRequest(InitializeRequest.type, {
    processId: process.pid,
    rootUri: pathToFileURL(root).href,
    capabilities: {},
    workspaceFolders: [{ uri: pathToFileURL(root).href, name: 'incident' }],
  });
  assert.equal(init.serverInfo?.name, 'firebreak');
  await connection.sendNotification(InitializedNotification.type, {});
  await connection.sendNotification(DidOpenTextDocumentNotification.type, {
    textDocument: { uri, languageId: 'yaml', version: 1, text: fs.readFileSync(file, 'utf8') },
  });

  const diagnostics = await published;
  const volumeDelete = diagnostics.diagnostics.find((d) => d.code === 'FB1002');
  assert.ok(volumeDelete, 'FB1002 on the volumeDelete mutation');
  assert.deepEqual(volumeDelete!.range, { start: { line: 33, character: 37 }, end: { line: 33, character: 49 } });
  assert.equal(volumeDelete!.source, 'firebreak');

  const actions = (await connection.sendRequest(CodeActionRequest.type, {
    textDocument: { uri },
    range: volumeDelete!.range,
    context: { diagnostics: [volumeDelete!] },
  })) as CodeAction[];
  const suppress = actions.find((a) => a.title.startsWith('Suppress FB1002'));
  const edit = suppress?.edit?.changes?.[uri]?.[0];
  assert.ok(edit, 'a suppression edit for the document');
  assert.match(edit!.newText, /^\s*# firebreak:ignore FB1002 -- .+\n$/);

  await connection.sendRequest(ShutdownRequest.type);
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  await connection.sendNotification(ExitNotification.type);
  assert.equal(await exited, 0);
  connection.dispose();
});
