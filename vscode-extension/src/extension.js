// adc extension: starts the adc language server (`adc lsp`) for .adc files. Highlighting,
// snippets and the language configuration are declarative (package.json) and work without it.
'use strict';

const path = require('path');
const fs = require('fs');
const vscode = require('vscode');
const { LanguageClient, TransportKind } = require('vscode-languageclient/node');

let client;
let output;

/** The adc launcher from the setting: absolute, relative to the first workspace folder, or looked up on PATH. */
function resolveExecutable() {
  const configured = vscode.workspace.getConfiguration('adc').get('executablePath') || 'adc';
  if (path.isAbsolute(configured) || !configured.includes(path.sep)) {
    return configured;
  }
  const folders = vscode.workspace.workspaceFolders;
  if (folders && folders.length > 0) {
    const candidate = path.join(folders[0].uri.fsPath, configured);
    if (fs.existsSync(candidate)) {
      return candidate;
    }
  }
  return configured;
}

async function start(context) {
  if (!vscode.workspace.getConfiguration('adc').get('server.enabled', true)) {
    return;
  }
  const command = resolveExecutable();
  const serverOptions = {
    run: { command, args: ['lsp'], transport: TransportKind.stdio },
    debug: { command, args: ['lsp'], transport: TransportKind.stdio }
  };
  const clientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'adc' },
      { scheme: 'untitled', language: 'adc' }
    ],
    outputChannel: output,
    traceOutputChannel: output
  };
  client = new LanguageClient('adc', 'adc language server', serverOptions, clientOptions);
  try {
    await client.start();
  } catch (err) {
    client = undefined;
    const pick = await vscode.window.showErrorMessage(
      `adc: could not start the language server with "${command} lsp" (${err && err.message ? err.message : err}). ` +
      'Set "adc.executablePath" to the adc launcher of your checkout.',
      'Open Settings');
    if (pick === 'Open Settings') {
      vscode.commands.executeCommand('workbench.action.openSettings', 'adc.executablePath');
    }
  }
}

async function stop() {
  if (client) {
    const c = client;
    client = undefined;
    try {
      await c.stop();
    } catch (e) {
      // the server may already be gone
    }
  }
}

async function activate(context) {
  output = vscode.window.createOutputChannel('adc');
  context.subscriptions.push(output);
  context.subscriptions.push(vscode.commands.registerCommand('adc.restartServer', async () => {
    await stop();
    await start(context);
  }));
  context.subscriptions.push(vscode.workspace.onDidChangeConfiguration(async (e) => {
    if (e.affectsConfiguration('adc.executablePath') || e.affectsConfiguration('adc.server.enabled')) {
      await stop();
      await start(context);
    }
  }));
  await start(context);
  return { isServerRunning: () => client !== undefined && client.isRunning() };
}

function deactivate() {
  return stop();
}

module.exports = { activate, deactivate };
