// pagelint's language server in VS Code: starts `pagelint server` for
// Markdown files and lets vscode-languageclient do the rest (diagnostics,
// quick fixes, `source.fixAll.pagelint` on save, hover, completion).
const vscode = require('vscode');
const { LanguageClient, TransportKind } = require('vscode-languageclient/node');

/** @type {LanguageClient | undefined} */
let client;

function activate(context) {
  const command = vscode.workspace.getConfiguration('pagelint').get('path') || 'pagelint';
  const serverOptions = { command, args: ['server'], transport: TransportKind.stdio };
  const clientOptions = {
    // The server finds each file's Hugo site itself and stays quiet outside one.
    documentSelector: [{ scheme: 'file', language: 'markdown' }],
  };
  client = new LanguageClient('pagelint', 'pagelint', serverOptions, clientOptions);
  context.subscriptions.push(
    vscode.commands.registerCommand('pagelint.restart', () => client && client.restart()),
  );
  return client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
